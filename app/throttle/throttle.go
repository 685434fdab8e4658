// Package throttle slows down password guessing, as the CNIL's 2022
// recommendation requires of an 8-character password policy: after a few
// consecutive failures, an exponentially growing wait before the next attempt
// is even checked, and a ceiling of failures per 24 hours. Counters live in
// PostgreSQL, so they hold across app instances.
package throttle

import (
	"context"
	"strconv"
	"time"

	"github.com/departement06/extranet-assmat/app/db"
)

// Limits of one kind of key.
type Limits struct {
	// Free is the number of consecutive failures allowed before the first wait.
	Free int
	// FirstWait is the wait after Free failures; it doubles with each further failure.
	FirstWait time.Duration
	// MaxWait caps the doubling.
	MaxWait time.Duration
	// Daily is the number of failures in 24 hours after which the key waits for the day to end.
	Daily int
}

// Policies of the extranet.
var (
	// Identifier: 5 failures, then 1 min, 2 min, 4 min…; at most 25 failures a day.
	Identifier = Limits{Free: 5, FirstWait: time.Minute, MaxWait: 12 * time.Hour, Daily: 25}
	// Client (IP address): looser, many childminders may share an address.
	Client = Limits{Free: 30, FirstWait: time.Minute, MaxWait: 12 * time.Hour, Daily: 300}
	// LinkIdentifier and LinkClient count every request of the password-link form.
	LinkIdentifier = Limits{Free: 3, FirstWait: 5 * time.Minute, MaxWait: 12 * time.Hour, Daily: 10}
	LinkClient     = Limits{Free: 20, FirstWait: 5 * time.Minute, MaxWait: 12 * time.Hour, Daily: 100}
)

// Key is a counter with its limits, e.g. {"id:100001", Identifier}.
type Key struct {
	Name   string
	Limits Limits
}

// State is what the database holds for a key.
type State struct {
	Failures      int
	FailuresDay   int
	DayStartedAt  time.Time
	LastFailureAt time.Time
}

// RetryAt is when a key may try again: zero when it may now.
func (l Limits) RetryAt(s State, now time.Time) time.Time {
	var at time.Time
	if s.FailuresDay >= l.Daily && now.Sub(s.DayStartedAt) < 24*time.Hour {
		at = s.DayStartedAt.Add(24 * time.Hour)
	}
	if s.Failures >= l.Free {
		wait := l.FirstWait
		for i := l.Free; i < s.Failures && wait < l.MaxWait; i++ {
			wait *= 2
		}
		if t := s.LastFailureAt.Add(min(wait, l.MaxWait)); t.After(at) {
			at = t
		}
	}
	if !at.After(now) {
		return time.Time{}
	}
	return at
}

// Throttle reads and records the counters.
type Throttle struct {
	q   *db.Queries
	now func() time.Time
}

// New returns a throttle on the queries, with the app's clock.
func New(q *db.Queries, now func() time.Time) *Throttle { return &Throttle{q: q, now: now} }

// RetryAt is the latest time any of the keys must wait for; zero: go ahead.
// It costs one query.
func (t *Throttle) RetryAt(ctx context.Context, keys ...Key) (time.Time, error) {
	rows, err := t.q.GetThrottles(ctx, names(keys))
	if err != nil {
		return time.Time{}, err
	}
	now := t.now()
	var at time.Time
	for _, r := range rows {
		for _, k := range keys {
			if k.Name != r.Key {
				continue
			}
			s := State{int(r.Failures), int(r.FailuresDay), r.DayStartedAt, r.LastFailureAt}
			if t := k.Limits.RetryAt(s, now); t.After(at) {
				at = t
			}
		}
	}
	return at, nil
}

// Fail records a failure (or, for the link form, a request) for every key.
func (t *Throttle) Fail(ctx context.Context, keys ...Key) error {
	now := t.now()
	return t.q.RecordFailures(ctx, db.RecordFailuresParams{Keys: names(keys), Now: now, DayCutoff: now.Add(-24 * time.Hour)})
}

// Succeed clears the consecutive failures of the keys.
func (t *Throttle) Succeed(ctx context.Context, keys ...Key) error {
	return t.q.ResetFailures(ctx, db.ResetFailuresParams{Keys: names(keys), Now: t.now()})
}

func names(keys []Key) []string {
	n := make([]string, len(keys))
	for i, k := range keys {
		n[i] = k.Name
	}
	return n
}

var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err)
	}
	return loc
}()

// Explain tells, in French, why and until when attempts are refused.
func Explain(retryAt, now time.Time) string {
	wait := retryAt.Sub(now)
	minutes := int((wait + time.Minute - 1) / time.Minute)
	var in string
	switch {
	case minutes <= 1:
		in = "dans 1 minute"
	case minutes < 120:
		in = "dans " + strconv.Itoa(minutes) + " minutes"
	default:
		in = "dans " + strconv.Itoa(minutes/60) + " heures"
	}
	at := retryAt.In(paris)
	day := ""
	if at.Format("20060102") != now.In(paris).Format("20060102") {
		day = " le " + at.Format("02/01/2006")
	}
	return "Trop de tentatives infructueuses. Par sécurité, les tentatives sont suspendues : vous pourrez réessayer" +
		day + " à partir de " + at.Format("15h04") + " (" + in + ")."
}
