package benchdata

import (
	"math/rand/v2"
	"slices"
	"time"

	"github.com/departement06/extranet-assmat/app/paris"
)

// plan is what ties the tables together, computed before any row is
// written: whose each child and each personal message is, how many periods
// each child has, the messages in date order (their ids). Each row's own
// fields come from a generator seeded by (seed, kind, index), so that the
// children's pass and the periods' pass, say, agree on a child without
// keeping it in memory.
type plan struct {
	scale Scale
	seed  uint64
	today time.Time // a UTC midnight: the Paris date the data is relative to
	deps  []departement

	childAssmat  []int32 // child → childminder index
	childPeriods []uint8 // child → number of periods (≥ 1)
	secondAgr    []int32 // agrément Assmats+k → childminder index (distinct)

	// msgs are every message, general and personal, oldest first: a
	// message's id is base + 1 + its position.
	msgs []msgRef
	// personal lists the positions in msgs of each childminder's personal
	// messages: personal[personalAt[a]:personalAt[a+1]].
	personal   []int32
	personalAt []int32
}

// msgRef is one message: when (minutes before today's midnight, from the
// newest), to whom (-1: everyone) and which generator makes its text.
type msgRef struct {
	minutesAgo int32
	recipient  int32
	src        int32 // index among the general (recipient -1) or personal messages
}

// Generator kinds, one stream each.
const (
	kindPlan uint64 = iota + 1
	kindAssmat
	kindAgrement
	kindChild
	kindMessage
	kindState
)

// rng returns the generator of one row: the same (seed, kind, index) gives the same numbers.
func rng(seed, kind uint64, index int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, kind<<40|uint64(index)))
}

func newPlan(s Scale, seed uint64, today time.Time) *plan {
	p := &plan{scale: s, seed: seed, today: today, deps: departements[:1]}
	if s.National {
		p.deps = departements
	}
	r := rng(seed, kindPlan, 0)

	// Children: each to a childminder drawn at random, so that some have
	// none and a few many, as in life.
	p.childAssmat = make([]int32, s.Children)
	for c := range p.childAssmat {
		p.childAssmat[c] = int32(r.IntN(s.Assmats))
	}
	// Periods: one each, the others to children drawn at random.
	p.childPeriods = make([]uint8, s.Children)
	for c := range p.childPeriods {
		p.childPeriods[c] = 1
	}
	for extra := s.Periods - s.Children; extra > 0; {
		c := r.IntN(s.Children)
		if p.childPeriods[c] < maxPeriodsPerChild {
			p.childPeriods[c]++
			extra--
		}
	}
	// Second agréments: distinct childminders (a partial shuffle).
	perm := make([]int32, s.Assmats)
	for i := range perm {
		perm[i] = int32(i)
	}
	n := s.Agrements - s.Assmats
	for i := 0; i < n; i++ {
		j := i + r.IntN(s.Assmats-i)
		perm[i], perm[j] = perm[j], perm[i]
	}
	p.secondAgr = perm[:n]

	// Messages: general ones evenly over three years, personal ones over
	// two, to childminders drawn at random; then sorted by date.
	const year = 365 * 24 * 60
	p.msgs = make([]msgRef, 0, s.General+s.Personal)
	for g := 0; g < s.General; g++ {
		at := int32(3*year) - int32(int64(g)*3*year/int64(s.General)) - int32(r.IntN(12*60))
		p.msgs = append(p.msgs, msgRef{minutesAgo: at, recipient: -1, src: int32(g)})
	}
	for m := 0; m < s.Personal; m++ {
		p.msgs = append(p.msgs, msgRef{minutesAgo: int32(r.IntN(2 * year)), recipient: int32(r.IntN(s.Assmats)), src: int32(m)})
	}
	slices.SortStableFunc(p.msgs, func(a, b msgRef) int {
		if a.minutesAgo != b.minutesAgo {
			return int(b.minutesAgo - a.minutesAgo) // oldest first
		}
		return int(a.recipient - b.recipient)
	})
	p.personalAt = make([]int32, s.Assmats+1)
	for _, m := range p.msgs {
		if m.recipient >= 0 {
			p.personalAt[m.recipient+1]++
		}
	}
	for a := 1; a <= s.Assmats; a++ {
		p.personalAt[a] += p.personalAt[a-1]
	}
	p.personal = make([]int32, s.Personal)
	next := slices.Clone(p.personalAt[:s.Assmats])
	for pos, m := range p.msgs {
		if m.recipient >= 0 {
			p.personal[next[m.recipient]] = int32(pos)
			next[m.recipient]++
		}
	}
	return p
}

// msgTime is a message's creation time: office hours in Paris.
func (p *plan) msgTime(m msgRef) time.Time {
	t := time.Date(p.today.Year(), p.today.Month(), p.today.Day(), 0, 0, 0, 0, paris.Location).Add(-time.Duration(m.minutesAgo) * time.Minute)
	if h := t.Hour(); h < 8 || h >= 18 {
		// Move it into the working day, keeping its date and minutes.
		t = time.Date(t.Year(), t.Month(), t.Day(), 8+h%10, t.Minute(), 0, 0, paris.Location)
	}
	if limit := time.Date(p.today.Year(), p.today.Month(), p.today.Day(), 9, 0, 0, 0, paris.Location); t.After(limit) {
		t = limit
	}
	return t
}

// generalPositions are the positions in msgs of the general messages, in order.
func (p *plan) generalPositions() []int32 {
	out := make([]int32, 0, p.scale.General)
	for pos, m := range p.msgs {
		if m.recipient < 0 {
			out = append(out, int32(pos))
		}
	}
	return out
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// chance is true with probability percent/100.
func chance(r *rand.Rand, percent int) bool { return r.IntN(100) < percent }

func date(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
