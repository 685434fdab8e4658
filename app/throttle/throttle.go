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

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/paris"
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
	pool *pgxpool.Pool
	q    *db.Queries
	now  func() time.Time
}

// New returns a throttle on the pool, with the app's clock.
func New(pool *pgxpool.Pool, now func() time.Time) *Throttle {
	return &Throttle{pool: pool, q: db.New(pool), now: now}
}

// WithTx is the throttle writing in tx, to lift a lock in the same
// transaction as the change that justifies it (Reserve opens its own).
func (t *Throttle) WithTx(tx pgx.Tx) *Throttle {
	return &Throttle{pool: t.pool, q: t.q.WithTx(tx), now: t.now}
}

// Reservation is the outcome of Reserve.
type Reservation struct {
	// RetryAt is zero when the attempt was counted and may go ahead;
	// otherwise nothing was counted and no attempt may be made before it.
	RetryAt time.Time
	// RetryAtIfFailed is when the keys may try again if this attempt fails
	// (zero: at once). It tells a visitor at once that a failure locked her out.
	RetryAtIfFailed time.Time
}

// Allowed is true when the attempt was counted and may go ahead.
func (r Reservation) Allowed() bool { return r.RetryAt.IsZero() }

// Reserve counts one attempt against every key before it is made, unless one
// of them must wait: then nothing is counted. The counters are locked while
// they are read and written, so N parallel attempts are counted and refused
// exactly as N sequential ones. The attempt counts as a failure until
// Succeeded gives it back. It costs one transaction of two statements (a
// refused attempt drops the zero rows it created instead of counting).
func (t *Throttle) Reserve(ctx context.Context, keys ...Key) (Reservation, error) {
	var r Reservation
	err := pgx.BeginFunc(ctx, t.pool, func(tx pgx.Tx) error {
		q := t.q.WithTx(tx)
		now := t.now()
		rows, err := q.LockThrottles(ctx, db.LockThrottlesParams{Keys: names(keys), Now: now})
		if err != nil {
			return err
		}
		for _, row := range rows {
			r.RetryAt = later(r.RetryAt, limitsOf(keys, row.Key).RetryAt(state(row.Failures, row.FailuresDay, row.DayStartedAt, row.LastFailureAt), now))
		}
		if !r.Allowed() {
			return q.DropUnusedThrottles(ctx, names(keys))
		}
		after, err := q.RecordFailures(ctx, db.RecordFailuresParams{Keys: names(keys), Now: now, DayCutoff: now.Add(-24 * time.Hour)})
		for _, row := range after {
			r.RetryAtIfFailed = later(r.RetryAtIfFailed, limitsOf(keys, row.Key).RetryAt(state(row.Failures, row.FailuresDay, row.DayStartedAt, row.LastFailureAt), now))
		}
		return err
	})
	return r, err
}

// Succeeded gives a reserved attempt back to every key: it was no failure.
// The keys in reset belong to the account that just proved itself and also
// forget their consecutive failures; the others (a client address shared by
// many, which an attacker could reset with an account of his own) do not.
func (t *Throttle) Succeeded(ctx context.Context, reset []Key, others ...Key) error {
	return t.q.SettleSuccess(ctx, db.SettleSuccessParams{Reset: names(reset), Refund: names(others), Now: t.now()})
}

// Clear lifts every lock of the keys and forgets their counts: their owner
// proved who she is another way (a password set through an emailed link).
func (t *Throttle) Clear(ctx context.Context, keys ...Key) error {
	return t.q.ClearThrottles(ctx, names(keys))
}

// RetryAt is the latest time any of the keys must wait for (zero: go ahead),
// without counting anything. It costs one query.
func (t *Throttle) RetryAt(ctx context.Context, keys ...Key) (time.Time, error) {
	rows, err := t.q.GetThrottles(ctx, names(keys))
	if err != nil {
		return time.Time{}, err
	}
	now := t.now()
	var at time.Time
	for _, row := range rows {
		at = later(at, limitsOf(keys, row.Key).RetryAt(state(row.Failures, row.FailuresDay, row.DayStartedAt, row.LastFailureAt), now))
	}
	return at, nil
}

func limitsOf(keys []Key, name string) Limits {
	for _, k := range keys {
		if k.Name == name {
			return k.Limits
		}
	}
	panic("throttle: a counter of no requested key: " + name)
}

func state(failures, failuresDay int32, dayStartedAt, lastFailureAt time.Time) State {
	return State{int(failures), int(failuresDay), dayStartedAt, lastFailureAt}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func names(keys []Key) []string {
	n := make([]string, len(keys))
	for i, k := range keys {
		n[i] = k.Name
	}
	return n
}

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
	at := retryAt.In(paris.Location)
	day := ""
	if at.Format("20060102") != now.In(paris.Location).Format("20060102") {
		day = " le " + at.Format("02/01/2006")
	}
	return "Trop de tentatives infructueuses. Par sécurité, les tentatives sont suspendues : vous pourrez réessayer" +
		day + " à partir de " + at.Format("15h04") + " (" + in + ")."
}
