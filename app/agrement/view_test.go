package agrement

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/components"
)

func TestRemindersAroundTheirLimits(t *testing.T) {
	today := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	d := func(y int, m time.Month, day int) *time.Time {
		t := time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
		return &t
	}
	for _, c := range []struct {
		until            *time.Time
		reminder, expiry bool
	}{
		{nil, false, false},            // no end known: nothing to say
		{d(2026, 11, 28), false, true}, // ended yesterday
		{d(2026, 11, 29), true, false}, // its last day is today
		{d(2027, 5, 28), true, false},  // within six months
		{d(2027, 5, 29), false, false}, // six months away exactly
		{d(2029, 8, 31), false, false}, // far away
	} {
		v := view(Agrement{Numero: "X", ValidUntil: c.until}, today)
		if (v.Reminder != "") != c.reminder || (v.Expired != "") != c.expiry {
			t.Errorf("until %v: reminder %q, expired %q", c.until, v.Reminder, v.Expired)
		}
		if c.until != nil && (c.reminder || c.expiry) && !strings.Contains(v.Reminder+v.Expired, c.until.Format("02/01/2006")) {
			t.Errorf("until %v: the date is not said: %q%q", c.until, v.Reminder, v.Expired)
		}
	}
}

func TestViewPlaceAddressAndExemptions(t *testing.T) {
	home := view(Agrement{Street: "1 rue A", Postcode: "06000", Town: "Nice"}, time.Now())
	if home.Place != "À son domicile" || home.MamName != "" || home.Address != "1 rue A, 06000 Nice" || home.Derogations != nil {
		t.Errorf("home: %+v", home)
	}
	mam := view(Agrement{AtMAM: true, MamName: "MAM Les Loups", Town: "Nice", Derogations: "Première\r\n\n  Seconde  \n"}, time.Now())
	if mam.Place != "En maison d'assistants maternels (MAM)" || mam.MamName != "MAM Les Loups" || mam.Address != "Nice" ||
		strings.Join(mam.Derogations, "|") != "Première|Seconde" {
		t.Errorf("mam: %+v", mam)
	}
}

// The dashboard's summary says each validity in words, even half known, and
// carries the reminder.
func TestSummaryValidity(t *testing.T) {
	today := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	d := func(y int, m time.Month, day int) *time.Time {
		t := time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
		return &t
	}
	var b strings.Builder
	err := components.AgrementSummary(Props([]Agrement{
		{Numero: "A1", ValidFrom: d(2024, 9, 1), ValidUntil: d(2029, 8, 31), Capacity: 4},
		{Numero: "A2", ValidFrom: d(2024, 9, 1), Capacity: 1},
		{Numero: "A3", ValidUntil: d(2027, 1, 31)},
		{Numero: "A4"},
	}, today)).Render(context.Background(), &b)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"A1</dd>", "du 01/09/2024 au 31/08/2029", "4 enfants simultanément",
		"A2</dd>", "depuis le 01/09/2024", "1 enfant simultanément",
		"A3</dd>", "jusqu&#39;au 31/01/2027", "cet agrément prend fin le 31/01/2027",
		"A4</dd>", "Non renseignée",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("no %q in %s", want, b.String())
		}
	}
}
