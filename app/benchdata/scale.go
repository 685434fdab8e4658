// Package benchdata generates the data of the performance runs (issue 12):
// childminders, agréments, children with their care periods, general and
// personal messages and their read/archived states, with French names,
// communes and dates, loaded by COPY in one transaction.
//
// The data is a function of the scale, the seed and "today" only: two runs
// with the same three load the same rows (ids are offset by what the tables
// already hold). Every bench childminder signs in with Password, her login
// being Login(i): B000001, B000002… (the demo accounts are 10000x).
package benchdata

import (
	"fmt"
	"strings"
)

// Scale is how many rows of each kind a run loads.
type Scale struct {
	Name      string
	Assmats   int // childminders
	Agrements int // at least one per childminder; the others are older, expired ones
	Children  int
	Periods   int // at least one per child
	General   int // messages to every childminder
	Personal  int // messages to one childminder
	States    int // read/archived states of messages a childminder may see
	// National spreads the childminders over every département of the
	// list; otherwise they all live in the first (06).
	National bool
}

// S is one département.
var S = Scale{Name: "S", Assmats: 4_000, Agrements: 5_000, Children: 15_000, Periods: 30_000,
	General: 500, Personal: 20_000, States: 60_000}

// L is the whole country.
var L = Scale{Name: "L", Assmats: 230_000, Agrements: 260_000, Children: 1_000_000, Periods: 2_000_000,
	General: 5_000, Personal: 1_000_000, States: 3_000_000, National: true}

// ParseScale reads "S" or "L" (any case).
func ParseScale(s string) (Scale, error) {
	switch strings.ToUpper(s) {
	case "S":
		return S, nil
	case "L":
		return L, nil
	}
	return Scale{}, fmt.Errorf("unknown scale %q (S or L)", s)
}

// maxPeriodsPerChild bounds a child's periods (the form takes up to 30).
const maxPeriodsPerChild = 8

// Validate refuses a scale the generator cannot honour exactly.
func (s Scale) Validate() error {
	switch {
	case s.Assmats < 1 || s.Assmats > 999_999:
		return fmt.Errorf("scale %s: %d childminders, want 1 to 999,999 (logins B000001…)", s.Name, s.Assmats)
	case s.Agrements < s.Assmats || s.Agrements > 2*s.Assmats:
		return fmt.Errorf("scale %s: %d agréments for %d childminders, want one or two each", s.Name, s.Agrements, s.Assmats)
	case s.Periods < s.Children || s.Periods > maxPeriodsPerChild*s.Children/2:
		return fmt.Errorf("scale %s: %d periods for %d children, want 1 to %d each on average", s.Name, s.Periods, s.Children, maxPeriodsPerChild/2)
	case s.General < 1 || s.Personal < 0 || s.Children < 0:
		return fmt.Errorf("scale %s: needs at least one general message", s.Name)
	case s.States < 0 || int64(s.States) > (int64(s.Assmats)*int64(s.General)+int64(s.Personal))/2:
		// Half the visible pairs at most, so that every childminder's share fits.
		return fmt.Errorf("scale %s: %d states exceed half of the visible (childminder, message) pairs", s.Name, s.States)
	}
	return nil
}

// Password is every bench childminder's password.
const Password = "Bench-assmat1"

// LoginPrefix starts every bench login, and no demo one.
const LoginPrefix = "B"

// Login is the login of the i-th bench childminder (from 0).
func Login(i int) string { return fmt.Sprintf("%s%06d", LoginPrefix, i+1) }
