package children

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/form/formtest"
	"github.com/departement06/extranet-assmat/components"
)

// validValues is valid() as a browser posts it, with n period rows.
func validValues(n int) url.Values {
	v := formtest.Values(
		childLastName.Name, "ENFANTGARDE", childFirstName.Name, "Anna", childBirthDate.Name, "01/01/2022",
		GuardianID(1, "civilite"), "Madame", GuardianID(1, "nom"), "ENFANTGARDE", GuardianID(1, "prenom"), "Maman",
		GuardianID(1, "email"), "mailmaman@mailperso.fr", GuardianID(1, "telephone"), "06 12 34 56 78",
		mainAddress.Street.Name, "147 boulevard du Mercantour", mainAddress.Postcode.Name, "06200", mainAddress.Town.Name, "Nice",
		"version", "1", "action", "valider",
	)
	for i := range n {
		v.Set(PeriodID(i, partKind), KindStandard)
		v.Set(PeriodID(i, partStart), "09/07/2025")
		v.Set(PeriodID(i, partComment), "ligne "+strconv.Itoa(i))
	}
	return v
}

func TestParseChildFormRows(t *testing.T) {
	cases := []struct {
		name      string
		rows      int
		wantKept  int
		wantError bool
	}{
		{"one row", 1, 1, false},
		{"the maximum", MaxPeriods, MaxPeriods, false},
		{"one too many", MaxPeriods + 1, MaxPeriods, true},
		{"500 rows (the probe)", 500, MaxPeriods, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := ParseChildForm(formtest.Ctx(t, validValues(tc.rows)))
			if len(f.Periods) != tc.wantKept || f.RowsPosted != tc.rows {
				t.Fatalf("kept %d of %d rows, want %d of %d", len(f.Periods), f.RowsPosted, tc.wantKept, tc.rows)
			}
			// The rows kept are the first ones, as typed.
			for i, p := range f.Periods {
				if p.Index != i || p.Comment != "ligne "+strconv.Itoa(i) || p.Start != "09/07/2025" {
					t.Fatalf("row %d = %+v", i, p)
				}
			}
			_, errs := f.Validate(today)
			got := errs.For(components.PeriodsID)
			if tc.wantError != (got == msgTooManyPeriods) || (!tc.wantError && len(errs) > 0) {
				t.Fatalf("errors %+v", errs)
			}
			if tc.wantError && errs[0].Message != msgTooManyPeriods {
				t.Errorf("the too-many message is not first: %+v", errs[0])
			}
		})
	}
}

func TestMsgTooManyPeriodsStatesTheMaximum(t *testing.T) {
	if !strings.Contains(msgTooManyPeriods, "au plus "+strconv.Itoa(MaxPeriods)+" périodes") {
		t.Errorf("%q does not state the maximum", msgTooManyPeriods)
	}
}

func TestParseChildFormSameRowTwice(t *testing.T) {
	v := validValues(2)
	v.Add(PeriodID(1, partKind), KindStandard) // the same select twice
	f := ParseChildForm(formtest.Ctx(t, v))
	if len(f.Periods) != 2 || f.RowsPosted != 2 {
		t.Errorf("rows %d, posted %d; want 2, 2", len(f.Periods), f.RowsPosted)
	}
}

func TestParseChildFormNormalises(t *testing.T) {
	v := validValues(1)
	v.Set(childFirstName.Name, " He\u0301le\u0300ne ")
	v.Set(PeriodID(0, partComment), "e\u0301te\u0301")
	f := ParseChildForm(formtest.Ctx(t, v))
	if f.FirstName != "Hélène" || f.Periods[0].Comment != "été" {
		t.Errorf("prénom %q, comment %q: want NFC", f.FirstName, f.Periods[0].Comment)
	}
}

// A NUL byte posted in any field is a field error: none may reach the database.
func TestParseChildFormRefusesNULEverywhere(t *testing.T) {
	fields := []string{childLastName.Name, childFirstName.Name, childBirthDate.Name, mainAddress.Street.Name, mainAddress.Postcode.Name, mainAddress.Town.Name,
		GuardianID(1, "nom"), GuardianID(1, "prenom"), GuardianID(1, "email"), GuardianID(1, "telephone"), GuardianID(1, "civilite"),
		GuardianID(2, "nom"), GuardianID(2, "prenom"), GuardianID(2, "email"), GuardianID(2, "telephone"), GuardianID(2, "civilite"),
		secondaryAddress.Street.Name, secondaryAddress.Postcode.Name, secondaryAddress.Town.Name,
		PeriodID(0, partKind), PeriodID(0, partStart), PeriodID(0, partEnd), PeriodID(0, partHours), PeriodID(0, partComment)}
	for _, field := range fields {
		t.Run(field, func(t *testing.T) {
			v := validValues(1)
			v.Set(components.SecondaryName, "1")
			v.Set(secondaryAddress.Street.Name, "1 rue de France")
			v.Set(secondaryAddress.Postcode.Name, "06000")
			v.Set(secondaryAddress.Town.Name, "Nice")
			v.Set(field, v.Get(field)+"\x00")
			f := ParseChildForm(formtest.Ctx(t, v))
			_, errs := f.Validate(today)
			if errs.For(field) == "" {
				t.Errorf("NUL in %s accepted (errors %+v)", field, errs)
			}
		})
	}
}

func TestDerogationErrorIsOneMessage(t *testing.T) {
	cases := []struct {
		name string
		days map[int]int
		want string
	}{
		{"none over", map[int]int{2025: 55}, ""},
		{"one year", map[int]int{2025: 56, 2024: 10}, "Les dérogations exceptionnelles ne peuvent pas dépasser 55 jours par an : 56 jours saisis en 2025."},
		{"four years", map[int]int{2024: 366, 2025: 365, 2026: 365, 2027: 100},
			"Les dérogations exceptionnelles ne peuvent pas dépasser 55 jours par an : 366 jours saisis en 2024, 365 jours saisis en 2025, 365 jours saisis en 2026 et 1 autre année."},
	}
	for _, tc := range cases {
		if got := derogationError(tc.days); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	// The probe's 1900–2200 dérogation, were its dates accepted: one line.
	centuries := map[int]int{}
	for y := 1900; y <= 2200; y++ {
		centuries[y] = 365
	}
	if got := derogationError(centuries); !strings.HasSuffix(got, " et 298 autres années.") || len(got) > 300 {
		t.Errorf("301 years: %q", got)
	}
}

// The worst submission: every field and every row wrong. Each input gets one
// message, and the summary shows a bounded number of lines.
func TestErrorsAreBounded(t *testing.T) {
	v := url.Values{}
	for _, id := range []string{childLastName.Name, childFirstName.Name, mainAddress.Street.Name, mainAddress.Town.Name} {
		v.Set(id, strings.Repeat("x", 1000))
	}
	v.Set(childBirthDate.Name, "31/02/2022")
	v.Set(mainAddress.Postcode.Name, "x")
	for i := range 500 {
		v.Set(PeriodID(i, partKind), KindDerogation)
		v.Set(PeriodID(i, partStart), "01/01/1900")
		v.Set(PeriodID(i, partEnd), "31/12/2200")
		v.Set(PeriodID(i, partHours), "x")
		v.Set(PeriodID(i, partComment), strings.Repeat("x", 1000))
	}
	f := ParseChildForm(formtest.Ctx(t, v))
	_, errs := f.Validate(today)
	seen := map[string]bool{}
	for _, e := range errs {
		if seen[e.Field] {
			t.Errorf("two messages for %s", e.Field)
		}
		seen[e.Field] = true
	}
	if max := 1 + 19 + MaxPeriods*5; len(errs) > max {
		t.Errorf("%d messages, more than the %d inputs", len(errs), max)
	}

	var html bytes.Buffer
	if err := components.ChildForm(FormProps(f, FormView{Action: NewPath, Errors: errs, Submitted: true})).Render(context.Background(), &html); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&html)
	if err != nil {
		t.Fatal(err)
	}
	items := doc.Find("#erreurs li")
	if items.Length() != 10 {
		t.Errorf("summary of %d lines, want 10", items.Length())
	}
	want := fmt.Sprintf("… et %d autres erreurs, signalées sous les champs concernés.", len(errs)-9)
	if last := items.Last().Text(); last != want {
		t.Errorf("last summary line %q, want %q", last, want)
	}
	if first := items.First().Text(); first != msgTooManyPeriods {
		t.Errorf("first summary line %q", first)
	}
	if html.Len() > 200_000 {
		t.Errorf("error page of %d bytes", html.Len())
	}
}

func TestSummaryShowsEveryErrorUpToTen(t *testing.T) {
	f := valid()
	f.LastName, f.FirstName = "", ""
	_, errs := f.Validate(today)
	var html bytes.Buffer
	if err := components.ChildForm(FormProps(f, FormView{Action: NewPath, Errors: errs, Submitted: true})).Render(context.Background(), &html); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&html)
	if err != nil {
		t.Fatal(err)
	}
	if n := doc.Find("#erreurs li").Length(); n != 2 {
		t.Errorf("summary of %d lines, want 2", n)
	}
}
