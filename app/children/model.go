// Package children serves "Enfants accueillis": the childminder declares the
// children she looks after, with their guardians, addresses and care periods.
// "Current" and "history" are derived from the periods and today's Paris date.
package children

import (
	"fmt"
	"sort"
	"time"

	"github.com/departement06/extranet-assmat/app/paris"
)

// Kinds of care period ("type de garde") and their French labels.
const (
	KindStandard    = "standard"
	KindDerogation  = "derogation"
	KindDepassement = "depassement"
)

// KindLabels are the seed's labels, in the order of the select.
// The limits in the labels are the rules' constants.
var KindLabels = []struct{ Value, Label string }{
	{KindStandard, "Garde standard"},
	{KindDerogation, fmt.Sprintf("Dérogation exceptionnelle (%dJ/an)", MaxDerogationDaysPerYear)},
	{KindDepassement, fmt.Sprintf("Dépassement exceptionnel (%dH/mois)", MaxOverrunHoursPerMonth)},
}

// KindLabel is the French label of a kind.
func KindLabel(kind string) string {
	for _, k := range KindLabels {
		if k.Value == kind {
			return k.Label
		}
	}
	return ""
}

// Limits of the care rules.
const (
	MaxDerogationDaysPerYear = 55
	MaxOverrunHoursPerMonth  = 50
	DeclarationDeadlineDays  = 8
	// MaxYearsAhead bounds how far ahead a period may be declared: further
	// is a typing error (2205 for 2025), and would make the per-year rules
	// run over centuries.
	MaxYearsAhead = 2
)

// FirstPeriodDay is the earliest day a period may start or end: earlier is
// a typing error, not a care period this extranet declares.
var FirstPeriodDay = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)

// LastPeriodDay is the latest day a period may start or end, MaxYearsAhead
// years after today.
func LastPeriodDay(today time.Time) time.Time { return today.AddDate(MaxYearsAhead, 0, 0) }

// Guardian is a "responsable légal".
type Guardian struct {
	Civility, LastName, FirstName, Email, Phone string
}

// Empty is true when nothing is known of the guardian.
func (g Guardian) Empty() bool {
	return g.Civility == "" && g.LastName == "" && g.FirstName == "" && g.Email == "" && g.Phone == ""
}

// Address is a postal address.
type Address struct {
	Street, Postcode, Town string
}

// Period is a care period ("période d'accueil").
type Period struct {
	Kind    string
	Start   time.Time
	End     *time.Time
	Hours   *int
	Comment string
}

// Child is a declared child with everything the form holds.
type Child struct {
	ID           int64
	LastName     string
	FirstName    string
	Born         time.Time
	G1, G2       Guardian
	Main         Address
	HasSecondary bool
	Secondary    Address
	Periods      []Period
	Version      int32
	DeclaredAt   time.Time
	DeclaredLate bool
}

// Current is true while at least one period has no end or ends today or later.
func Current(periods []Period, today time.Time) bool {
	for _, p := range periods {
		if p.End == nil || !p.End.Before(today) {
			return true
		}
	}
	return false
}

// DeclaredLate is true when the declaration came more than 8 days after the
// start of the first period.
func DeclaredLate(periods []Period, declaredOn time.Time) bool {
	if len(periods) == 0 {
		return false
	}
	first := periods[0].Start
	for _, p := range periods[1:] {
		if p.Start.Before(first) {
			first = p.Start
		}
	}
	return declaredOn.After(first.AddDate(0, 0, DeclarationDeadlineDays))
}

// DerogationDaysByYear counts the days of the "dérogation exceptionnelle"
// periods in each calendar year, end day included.
func DerogationDaysByYear(periods []Period) map[int]int {
	days := map[int]int{}
	for _, p := range periods {
		if p.Kind != KindDerogation || p.End == nil || p.End.Before(p.Start) {
			continue
		}
		for d := p.Start; !d.After(*p.End); {
			yearEnd := time.Date(d.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
			last := *p.End
			if last.After(yearEnd) {
				last = yearEnd
			}
			days[d.Year()] += int(last.Sub(d).Hours()/24) + 1
			d = yearEnd.AddDate(0, 0, 1)
		}
	}
	return days
}

// Today is the date in Paris at now, as a UTC midnight like the dates read
// from the database (see app/paris).
func Today(now time.Time) time.Time { return paris.Today(now) }

// MaxSimultaneous is the largest number of children whose periods overlap on
// one day from today on: what the agrément's capacity is compared with.
func MaxSimultaneous(children [][]Period, today time.Time) int {
	type event struct {
		day   time.Time
		delta int
	}
	var events []event
	for _, periods := range children {
		// A child counts once a day even if two of its periods overlap:
		// merge its periods first.
		for _, iv := range mergedFrom(periods, today) {
			events = append(events, event{iv[0], +1})
			if !iv[1].IsZero() {
				events = append(events, event{iv[1].AddDate(0, 0, 1), -1})
			}
		}
	}
	// Ends (−1) before starts (+1) on the same day: the day after an end is free.
	sort.Slice(events, func(i, j int) bool {
		if events[i].day.Equal(events[j].day) {
			return events[i].delta < events[j].delta
		}
		return events[i].day.Before(events[j].day)
	})
	n, max := 0, 0
	for _, e := range events {
		n += e.delta
		if n > max {
			max = n
		}
	}
	return max
}

// mergedFrom returns a child's periods from today on as merged [start, end]
// intervals (a zero end: open).
func mergedFrom(periods []Period, today time.Time) [][2]time.Time {
	var ivs [][2]time.Time
	for _, p := range periods {
		start := p.Start
		if start.Before(today) {
			start = today
		}
		var end time.Time
		if p.End != nil {
			if p.End.Before(today) {
				continue
			}
			end = *p.End
		}
		ivs = append(ivs, [2]time.Time{start, end})
	}
	sort.Slice(ivs, func(i, j int) bool { return ivs[i][0].Before(ivs[j][0]) })
	var out [][2]time.Time
	for _, iv := range ivs {
		if len(out) > 0 {
			last := &out[len(out)-1]
			if last[1].IsZero() || !iv[0].After(last[1].AddDate(0, 0, 1)) {
				if last[1].IsZero() || iv[1].IsZero() {
					last[1] = time.Time{}
				} else if iv[1].After(last[1]) {
					last[1] = iv[1]
				}
				continue
			}
		}
		out = append(out, iv)
	}
	return out
}
