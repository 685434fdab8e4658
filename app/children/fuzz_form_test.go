package children

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/app/form/formtest"
	"github.com/departement06/extranet-assmat/components"
)

// Inputs from the probes every target starts from.
var hostile = []string{"", "\x00", "a\x00b", "He\u0301le\u0300ne", "\u202eexe.gpj", "An\u200bna", "\ufeff", "\r\n", "\t",
	"\xff\xfe", strings.Repeat("é", 501), "' OR 1=1 --", "<b>gras</b>", "\"onfocus=x", "31/02/2025", "01/01/1900", "31/12/2200"}

func FuzzChildForm(f *testing.F) {
	f.Add("ENFANTGARDE", "Anna", "01/01/2022", "06 12 34 56 78", "06200", "Nice", "été", "09/07/2025", "", "", KindStandard, uint16(0))
	f.Add("LE GOFF", "Zoé", "2023-05-01", "+33 6 12 34 56 78", "06 200", "Saint-Étienne-de-Tinée", "", "01/06/2025", "31/08/2025", "40", KindDepassement, uint16(2))
	f.Add("ENFANTGARDE", "Anna", "01/01/2022", "", "06200", "Nice", "", "01/01/1900", "31/12/2200", "", KindDerogation, uint16(0))
	f.Add("ENFANTGARDE", "Anna", "01/01/2022", "", "06200", "Nice", "", "09/07/2025", "", "", KindStandard, uint16(499))
	for _, h := range hostile {
		f.Add(h, h, h, h, h, h, h, h, h, h, h, uint16(1))
		f.Add("ENFANTGARDE", "Anna"+h, "01/01/2022", "", "06200", "Nice", h, "09/07/2025", "", "", KindStandard, uint16(0))
	}
	f.Fuzz(func(t *testing.T, nom, prenom, born, phone, postcode, commune, comment, start, end, hours, kind string, extra uint16) {
		v := validValues(1)
		for k, val := range map[string]string{childLastName.Name: nom, childFirstName.Name: prenom, childBirthDate.Name: born, GuardianID(1, "telephone"): phone,
			mainAddress.Postcode.Name: postcode, mainAddress.Town.Name: commune, PeriodID(0, partComment): comment, PeriodID(0, partStart): start,
			PeriodID(0, partEnd): end, PeriodID(0, partHours): hours, PeriodID(0, partKind): kind} {
			v.Set(k, val)
		}
		rows := 1 + int(extra%600)
		for i := 1; i < rows; i++ {
			for _, part := range []string{partKind, partStart, partEnd, partHours, partComment} {
				v.Set(PeriodID(i, part), v.Get(PeriodID(0, part)))
			}
		}
		cf := ParseChildForm(formtest.Ctx(t, v))
		if cf.RowsPosted != rows || len(cf.Periods) != min(rows, MaxPeriods) {
			t.Fatalf("%d rows posted: counted %d, kept %d", rows, cf.RowsPosted, len(cf.Periods))
		}
		ch, errs := checkForm(t, cf)
		if rows > MaxPeriods && (len(errs) == 0 || errs[0].Message != msgTooManyPeriods) {
			t.Fatalf("%d rows: the first error is not the maximum's: %+v", rows, errs)
		}

		// Plausible input, one ordinary row, is accepted and kept as typed.
		plausible := rows == 1 && kind == KindStandard && hours == "" && plausibleName(nom, maxName) && plausibleName(prenom, maxName) &&
			plausibleName(commune, maxName) && plausibleComment(comment) && plainPhone.MatchString(phone) && plainPostcode.MatchString(postcode)
		bornDay, okBorn := plainDate(born)
		startDay, okStart := plainDate(start)
		endDay, okEnd := plainDate(end)
		plausible = plausible && okBorn && !bornDay.After(today) && okStart && !startDay.Before(bornDay) &&
			!startDay.Before(FirstPeriodDay) && !startDay.After(LastPeriodDay(today)) &&
			(end == "" || okEnd && !endDay.Before(startDay) && !endDay.After(LastPeriodDay(today)))
		if plausible && len(errs) > 0 {
			t.Fatalf("refused plausible input: %+v", errs)
		}
		if plausible && (ch.LastName != norm.NFC.String(nom) || ch.Periods[0].Comment != norm.NFC.String(comment) || !ch.Periods[0].Start.Equal(startDay)) {
			t.Fatalf("child %+v does not hold what was typed", ch)
		}
		roundTrip(t, cf)
	})
}

// FuzzChildFormBody feeds the parser raw bodies: the period keys are found by
// scanning every posted name, and the seed corpus holds the probes' bodies
// (500 rows, a 1900–2200 dérogation).
func FuzzChildFormBody(f *testing.F) {
	f.Add(validValues(1).Encode())
	f.Add(validValues(MaxPeriods + 1).Encode())
	f.Add("periode-0001-type=standard&periode-1-type=derogation&periode-1-debut=01%2F01%2F2025&periode-9999-type=")
	f.Add("periode-1-type=standard&periode-1-type=standard&nom=%00&prenom=%E2%80%AE&date-naissance=2022-01-01")
	f.Add("periode-99999-type=standard&periode--1-type=x&periode-1-typ=standard&periode-%31-type=standard")
	f.Fuzz(func(t *testing.T, body string) {
		cf := ParseChildForm(formtest.Body(t, body))
		if len(cf.Periods) > MaxPeriods || cf.RowsPosted < len(cf.Periods) {
			t.Fatalf("kept %d rows of %d", len(cf.Periods), cf.RowsPosted)
		}
		for i := 1; i < len(cf.Periods); i++ {
			if cf.Periods[i].Index <= cf.Periods[i-1].Index {
				t.Fatalf("rows out of order: %d then %d", cf.Periods[i-1].Index, cf.Periods[i].Index)
			}
		}
		checkForm(t, cf)
		roundTrip(t, cf)
	})
}

// checkForm asserts what holds for every parsed form: normalised strings, at
// most one message per input of the form, and a child that may be stored
// whenever there is no message.
func checkForm(t *testing.T, cf ChildForm) (Child, components.Errors) {
	t.Helper()
	for _, s := range formStrings(cf) {
		if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) || s != strings.TrimSpace(s) {
			t.Fatalf("parsed %q: not trimmed NFC UTF-8", s)
		}
	}
	ch, errs := cf.Validate(today)
	inputs := map[string]bool{components.PeriodsID: true}
	for _, in := range cf.inputs() {
		inputs[in.spec.InputID()] = true
	}
	for _, r := range cf.Periods {
		for _, part := range periodParts {
			inputs[PeriodID(r.Index, part)] = true
		}
	}
	seen := map[string]bool{}
	for _, e := range errs {
		if !inputs[e.Field] || seen[e.Field] {
			t.Fatalf("message for %q: not an input of the form, or its second: %+v", e.Field, errs)
		}
		seen[e.Field] = true
	}
	if len(errs) == 0 {
		checkChild(t, ch)
	}
	return ch, errs
}

// checkChild asserts what may reach the database.
func checkChild(t *testing.T, ch Child) {
	t.Helper()
	texts := map[string]int{ch.LastName: maxName, ch.FirstName: maxName, ch.Main.Street: maxStreet, ch.Main.Town: maxName,
		ch.Secondary.Street: maxStreet, ch.Secondary.Town: maxName,
		ch.G1.LastName: maxName, ch.G1.FirstName: maxName, ch.G2.LastName: maxName, ch.G2.FirstName: maxName, ch.G1.Email: form.MaxEmail, ch.G2.Email: form.MaxEmail}
	for s, max := range texts {
		if form.Check(s, form.Name, max) != "" {
			t.Fatalf("stored %q", s)
		}
	}
	for _, g := range []Guardian{ch.G1, ch.G2} {
		if g.Phone != "" && !storedPhone.MatchString(g.Phone) {
			t.Fatalf("stored phone %q", g.Phone)
		}
	}
	for _, a := range []Address{ch.Main, ch.Secondary} {
		if a.Postcode != "" && !plainPostcode.MatchString(a.Postcode) {
			t.Fatalf("stored postcode %q", a.Postcode)
		}
	}
	if ch.Born.After(today) || ch.Born.IsZero() || len(ch.Periods) == 0 || len(ch.Periods) > MaxPeriods {
		t.Fatalf("stored birth %v with %d periods", ch.Born, len(ch.Periods))
	}
	for _, p := range ch.Periods {
		if KindLabel(p.Kind) == "" || form.Check(p.Comment, form.Text, maxComment) != "" ||
			p.Start.Before(FirstPeriodDay) || p.Start.Before(ch.Born) || p.Start.After(LastPeriodDay(today)) ||
			p.End != nil && (p.End.Before(p.Start) || p.End.After(LastPeriodDay(today))) ||
			p.Hours != nil && (p.Kind != KindDepassement || *p.Hours < 1 || *p.Hours > MaxOverrunHoursPerMonth) {
			t.Fatalf("stored period %+v", p)
		}
	}
	for y, d := range DerogationDaysByYear(ch.Periods) {
		if d > MaxDerogationDaysPerYear {
			t.Fatalf("stored %d dérogation days in %d", d, y)
		}
	}
}

// roundTrip renders the form as the server answers it and posts it back
// untouched: the browser must send back what was parsed, except what HTML
// itself drops (a choice that is not an option, a disabled hours input, the
// button), and the result must validate the same way.
func roundTrip(t *testing.T, cf ChildForm) {
	t.Helper()
	for _, s := range formStrings(cf) {
		if !form.Allowed(s, form.Secret) {
			return // a control character: refused, and not sent back as is by a browser
		}
	}
	_, errs := cf.Validate(today)
	again := ParseChildForm(formtest.Ctx(t, formtest.Posted(t, components.ChildForm(FormProps(cf, FormView{Action: NewPath, Errors: errs, Submitted: true})))))
	want := cf
	want.Action, want.RowsPosted = "", len(cf.Periods)
	want.Periods = append([]PeriodRow(nil), cf.Periods...)
	for i := range want.Periods {
		if KindLabel(want.Periods[i].Kind) == "" {
			want.Periods[i].Kind = ""
		}
		if want.Periods[i].Kind != KindDepassement {
			want.Periods[i].Hours = ""
		}
	}
	for _, g := range []*GuardianForm{&want.G1, &want.G2} {
		if g.Civility != Civilities[0] && g.Civility != Civilities[1] {
			g.Civility = ""
		}
	}
	if !want.HasSecondary {
		want.Secondary.Street, want.Secondary.Postcode, want.Secondary.Town = "", "", ""
	}
	if !reflect.DeepEqual(again, want) {
		t.Fatalf("re-posted\n%+v\nwant\n%+v", again, want)
	}
	if len(errs) == 0 {
		if _, errs := again.Validate(today); len(errs) > 0 {
			t.Fatalf("valid form re-posted is refused: %+v", errs)
		}
	}
}

// formStrings are every typed string of the form.
func formStrings(cf ChildForm) []string {
	s := []string{cf.LastName, cf.FirstName, cf.BirthDate, cf.Main.Street, cf.Main.Postcode, cf.Main.Town, cf.Secondary.Street, cf.Secondary.Postcode, cf.Secondary.Town, cf.Version, cf.Action}
	for _, g := range []GuardianForm{cf.G1, cf.G2} {
		s = append(s, g.Civility, g.LastName, g.FirstName, g.Email, g.Phone)
	}
	for _, r := range cf.Periods {
		s = append(s, r.Kind, r.Start, r.End, r.Hours, r.Comment)
	}
	return s
}

var (
	plainPhone    = regexp.MustCompile(`^0[1-9]([ .]?[0-9]{2}){4}$`)
	storedPhone   = regexp.MustCompile(`^0[1-9]( [0-9]{2}){4}$`)
	plainPostcode = regexp.MustCompile(`^[0-9]{5}$`)
	plainDateRe   = regexp.MustCompile(`^[0-9]{2}/[0-9]{2}/[0-9]{4}$`)
)

// plainDate is a jj/mm/aaaa date any French user would type.
func plainDate(s string) (time.Time, bool) {
	if !plainDateRe.MatchString(s) {
		return time.Time{}, false
	}
	d, err := time.Parse("02/01/2006", s)
	return d, err == nil && d.Year() >= 1900 && d.Year() <= 2200
}

// plausibleName is a name as people write it: letters (accents composed or
// not), spaces, hyphens and apostrophes, within max characters as seen.
func plausibleName(s string, max int) bool {
	n := utf8.RuneCountInString(norm.NFC.String(s))
	if n == 0 || n > max || !unicode.IsLetter([]rune(s)[0]) {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && !strings.ContainsRune(" -'’", r) {
			return false
		}
	}
	return strings.TrimSpace(s) == s
}

// plausibleComment is printable text (letters, digits, punctuation, spaces).
func plausibleComment(s string) bool {
	if utf8.RuneCountInString(norm.NFC.String(s)) > maxComment || strings.TrimSpace(s) != s {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && !unicode.IsPunct(r) && r != ' ' {
			return false
		}
	}
	return true
}

func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"06 12 34 56 78", "0612345678", "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "0033612345678",
		"06.12.34.56.78", "06-12-34-56-78", "06\u00a012\u00a034\u00a056\u00a078", "061234567", "00 12 34 56 78", "+44 20 7946 0958",
		"06 12 34 56 7a", "06 12 34 56 78\x00", "٠٦١٢٣٤٥٦٧٨", "+33+33612345678", "+330612345678"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, ok := NormalizePhone(s)
		if plainPhone.MatchString(s) {
			digits := strings.NewReplacer(" ", "", ".", "").Replace(s)
			if !ok || strings.ReplaceAll(out, " ", "") != digits {
				t.Fatalf("NormalizePhone(%q) = %q, %v for a plain number", s, out, ok)
			}
		}
		if !ok {
			if out != "" {
				t.Fatalf("NormalizePhone(%q) refused but returned %q", s, out)
			}
			return
		}
		if !storedPhone.MatchString(out) {
			t.Fatalf("NormalizePhone(%q) = %q: not 0X XX XX XX XX", s, out)
		}
		if again, ok := NormalizePhone(out); !ok || again != out {
			t.Fatalf("NormalizePhone(%q) = %q, %v: not stable", out, again, ok)
		}
	})
}

func FuzzPostcode(f *testing.F) {
	for _, s := range []string{"06200", "06 200", " 06200", "6200", "062000", "0620a", "٠٦٢٠٠", "06200\x00", "", "     ", "0 6 2 0 0"} {
		f.Add(s)
	}
	postcode := func(s string) string { return ChildForm{}.check(input{mainAddress.Postcode, s}, today) }
	f.Fuzz(func(t *testing.T, s string) {
		msg := postcode(s)
		if plainPostcode.MatchString(s) && msg != "" {
			t.Fatalf("postcode(%q) refused: %s", s, msg)
		}
		if msg != "" {
			return
		}
		stored := normalizePostcode(s)
		if !plainPostcode.MatchString(stored) {
			t.Fatalf("postcode(%q) accepted, stored as %q", s, stored)
		}
		if postcode(stored) != "" || normalizePostcode(stored) != stored {
			t.Fatalf("stored postcode %q is not stable", stored)
		}
	})
}
