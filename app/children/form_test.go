package children

import (
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/form"
)

var today = time.Date(2025, 7, 9, 0, 0, 0, 0, time.UTC)

func valid() ChildForm {
	return ChildForm{
		LastName: "ENFANTGARDE", FirstName: "Anna", BirthDate: "01/01/2022",
		G1:      GuardianForm{"Madame", "ENFANTGARDE", "Maman", "mailmaman@mailperso.fr", "06 12 34 56 78"},
		Main:    AddressForm{Street: "147 boulevard du Mercantour", Postcode: "06200", Town: "Nice"},
		Periods: []PeriodRow{{Index: 0, Kind: KindStandard, Start: "09/07/2025"}},
	}
}

func TestValidateRules(t *testing.T) {
	cases := []struct {
		name   string
		change func(*ChildForm)
		field  string // "" = valid
		msg    string
	}{
		{"valid", func(*ChildForm) {}, "", ""},
		{"guardians are optional", func(f *ChildForm) { f.G1 = GuardianForm{} }, "", ""},
		{"missing name", func(f *ChildForm) { f.LastName = "" }, "nom", `"Nom de l'enfant" est un champ requis.`},
		{"missing first name", func(f *ChildForm) { f.FirstName = "" }, "prenom", `"Prénom de l'enfant" est un champ requis.`},
		{"missing birth date", func(f *ChildForm) { f.BirthDate = "" }, "date-naissance", `"Date de naissance de l'enfant" est un champ requis.`},
		{"malformed birth date", func(f *ChildForm) { f.BirthDate = "31/02/2022" }, "date-naissance", msgDate},
		{"birth date from a date input", func(f *ChildForm) { f.BirthDate = "2022-01-01" }, "", ""},
		{"future birth date", func(f *ChildForm) { f.BirthDate = "10/07/2025" }, "date-naissance", "La date de naissance ne peut pas être dans le futur."},
		{"born today", func(f *ChildForm) { f.BirthDate = "09/07/2025" }, "", ""},
		{"missing main address", func(f *ChildForm) { f.Main.Street = "" }, "adresse", `"Adresse principale" est un champ requis.`},
		{"missing postcode", func(f *ChildForm) { f.Main.Postcode = "" }, "code-postal", `"Code postal de l'adresse principale" est un champ requis.`},
		{"missing commune", func(f *ChildForm) { f.Main.Town = "" }, "commune", `"Commune de l'adresse principale" est un champ requis.`},
		{"bad postcode", func(f *ChildForm) { f.Main.Postcode = "6200" }, "code-postal", "Le code postal doit comporter 5 chiffres, par exemple 06200."},
		{"postcode with a space", func(f *ChildForm) { f.Main.Postcode = "06 200" }, "", ""},
		{"secondary address required when ticked", func(f *ChildForm) { f.HasSecondary = true }, "adresse2", `"Adresse secondaire" est un champ requis.`},
		{"secondary postcode required when ticked", func(f *ChildForm) { f.HasSecondary = true; f.Secondary.Street = "148 bd" }, "code-postal2", `"Code postal de l'adresse secondaire" est un champ requis.`},
		{"secondary ignored when not ticked", func(f *ChildForm) { f.Secondary.Postcode = "x" }, "", ""},
		{"bad guardian email", func(f *ChildForm) { f.G1.Email = "maman@" }, "g1-email", "L'adresse courriel n'est pas valide : elle doit ressembler à prenom.nom@exemple.fr."},
		{"bad guardian phone", func(f *ChildForm) { f.G2.Phone = "12345" }, "g2-telephone", "Le numéro de téléphone doit être un numéro français à 10 chiffres, par exemple 06 12 34 56 78."},
		{"bad civilité", func(f *ChildForm) { f.G2.Civility = "Docteur" }, "g2-civilite", "Veuillez choisir Madame ou Monsieur."},
		{"huge name", func(f *ChildForm) { f.LastName = strings.Repeat("A", 101) }, "nom", form.MsgTooLong(100)},
		{"no period", func(f *ChildForm) { f.Periods = nil }, "periodes", msgAtLeastOnePeriod},
		{"unknown kind", func(f *ChildForm) { f.Periods[0].Kind = "vacances" }, "periode-0-type", "Veuillez choisir le type de garde."},
		{"standard without start", func(f *ChildForm) { f.Periods[0].Start = "" }, "periode-0-debut", `"Date de début" est un champ requis.`},
		{"standard without end is fine", func(f *ChildForm) {}, "", ""},
		{"malformed start", func(f *ChildForm) { f.Periods[0].Start = "demain" }, "periode-0-debut", msgDate},
		{"end before start", func(f *ChildForm) { f.Periods[0].End = "08/07/2025" }, "periode-0-fin", msgEndBeforeStart},
		{"end equal to start", func(f *ChildForm) { f.Periods[0].End = "09/07/2025" }, "", ""},
		{"derogation needs an end", func(f *ChildForm) { f.Periods[0].Kind = KindDerogation }, "periode-0-fin", `"Date de fin" est un champ requis. (Dérogation exceptionnelle (55J/an))`},
		{"overrun needs an end", func(f *ChildForm) {
			f.Periods[0] = PeriodRow{Kind: KindDepassement, Start: "09/07/2025", Hours: "40"}
		}, "periode-0-fin", `"Date de fin" est un champ requis. (Dépassement exceptionnel (50H/mois))`},
		{"overrun needs hours", func(f *ChildForm) {
			f.Periods[0] = PeriodRow{Kind: KindDepassement, Start: "09/07/2025", End: "10/07/2025"}
		}, "periode-0-heures", `"Nombre d'heures par mois" est un champ requis.`},
		{"overrun of 50 hours", func(f *ChildForm) {
			f.Periods[0] = PeriodRow{Kind: KindDepassement, Start: "09/07/2025", End: "10/07/2025", Hours: "50"}
		}, "", ""},
		{"overrun of 51 hours", func(f *ChildForm) {
			f.Periods[0] = PeriodRow{Kind: KindDepassement, Start: "09/07/2025", End: "10/07/2025", Hours: "51"}
		}, "periode-0-heures", "le nombre d'heures saisi dépasse 50h par mois"},
		{"overrun of 68 hours (the seed)", func(f *ChildForm) {
			f.Periods[0] = PeriodRow{Kind: KindDepassement, Start: "09/07/2025", End: "10/07/2025", Hours: "68"}
		}, "periode-0-heures", "le nombre d'heures saisi dépasse 50h par mois"},
		{"hours not a number", func(f *ChildForm) {
			f.Periods[0] = PeriodRow{Kind: KindDepassement, Start: "09/07/2025", End: "10/07/2025", Hours: "quarante"}
		}, "periode-0-heures", "Le nombre d'heures doit être un nombre entier de 1 à 744, par exemple 40."},
		{"hours on a standard period", func(f *ChildForm) { f.Periods[0].Hours = "10" }, "periode-0-heures", msgHoursOnlyOverrun},
		{"derogation of 55 days across the new year", func(f *ChildForm) {
			// 2024: 15/12 → 31/12 = 17 days; 2025: 01/01 → 07/02 = 38 days; plus 55 days in 2025 below → 93 in 2025.
			f.Periods = []PeriodRow{{Index: 0, Kind: KindDerogation, Start: "15/12/2024", End: "07/02/2025"},
				{Index: 1, Kind: KindDerogation, Start: "01/03/2025", End: "17/03/2025"}}
		}, "", ""},
		{"derogation of 56 days in a year", func(f *ChildForm) {
			f.Periods = []PeriodRow{{Index: 0, Kind: KindDerogation, Start: "01/01/2025", End: "07/02/2025"},
				{Index: 1, Kind: KindDerogation, Start: "01/03/2025", End: "18/03/2025"}}
		}, "periodes", "Les dérogations exceptionnelles ne peuvent pas dépasser 55 jours par an : 56 jours saisis en 2025."},
		{"derogation of 56 days across the new year", func(f *ChildForm) {
			// 2025: 01/01 → 08/02 = 39 days, plus 17 days in March = 56.
			f.Periods = []PeriodRow{{Index: 0, Kind: KindDerogation, Start: "15/12/2024", End: "08/02/2025"},
				{Index: 1, Kind: KindDerogation, Start: "01/03/2025", End: "17/03/2025"}}
		}, "periodes", "Les dérogations exceptionnelles ne peuvent pas dépasser 55 jours par an : 56 jours saisis en 2025."},
		{"derogation on a leap day", func(f *ChildForm) {
			f.Periods = []PeriodRow{{Index: 0, Kind: KindDerogation, Start: "29/02/2024", End: "29/02/2024"}}
		}, "", ""},
		{"period starting before the child's birth", func(f *ChildForm) { f.Periods[0].Start = "31/12/2021" }, "periode-0-debut", msgBeforeBirth},
		{"period starting on the day of birth", func(f *ChildForm) { f.Periods[0].Start = "01/01/2022" }, "", ""},
		{"period starting before 1990", func(f *ChildForm) {
			f.BirthDate = "01/01/1950"
			f.Periods[0].Start = "31/12/1989"
		}, "periode-0-debut", "La date ne peut pas précéder le 01/01/1990."},
		{"period starting on 01/01/1990", func(f *ChildForm) {
			f.BirthDate = "01/01/1989"
			f.Periods[0].Start = "01/01/1990"
		}, "", ""},
		{"period starting two years ahead", func(f *ChildForm) { f.Periods[0].Start = "09/07/2027" }, "", ""},
		{"period starting more than two years ahead", func(f *ChildForm) { f.Periods[0].Start = "10/07/2027" }, "periode-0-debut", "La date ne peut pas dépasser le 09/07/2027 (2 ans après aujourd'hui)."},
		{"period ending more than two years ahead", func(f *ChildForm) { f.Periods[0].End = "10/07/2027" }, "periode-0-fin", "La date ne peut pas dépasser le 09/07/2027 (2 ans après aujourd'hui)."},
		{"derogation from 1900 to 2200", func(f *ChildForm) {
			f.Periods[0] = PeriodRow{Kind: KindDerogation, Start: "01/01/1900", End: "31/12/2200"}
		}, "periode-0-fin", "La date ne peut pas dépasser le 09/07/2027 (2 ans après aujourd'hui)."},
		{"31 periods", func(f *ChildForm) {
			for i := 1; i <= MaxPeriods; i++ {
				f.Periods = append(f.Periods, PeriodRow{Index: i, Kind: KindStandard, Start: "09/07/2025"})
			}
		}, "periodes", "Une fiche compte au plus 30 périodes d'accueil : seules les 30 premières envoyées sont reprises ci-dessous. Rien n'est enregistré ; vérifiez-les, puis cliquez sur VALIDER."},
		{"30 periods", func(f *ChildForm) {
			for i := 1; i < MaxPeriods; i++ {
				f.Periods = append(f.Periods, PeriodRow{Index: i, Kind: KindStandard, Start: "09/07/2025"})
			}
		}, "", ""},
		{"more rows posted than kept", func(f *ChildForm) { f.RowsPosted = MaxPeriods + 1 }, "periodes", msgTooManyPeriods},
		{"NUL in the child's name", func(f *ChildForm) { f.LastName = "ANNA\x00" }, "nom", form.MsgForbidden},
		{"bidi override in the first name", func(f *ChildForm) { f.FirstName = "Anna\u202E" }, "prenom", form.MsgForbidden},
		{"zero-width space in a guardian's name", func(f *ChildForm) { f.G1.LastName = "ENFANT\u200BGARDE" }, "g1-nom", form.MsgForbidden},
		{"word joiner in a guardian's first name", func(f *ChildForm) { f.G2.FirstName = "Pa\u2060pa" }, "g2-prenom", form.MsgForbidden},
		{"NUL in a guardian's email", func(f *ChildForm) { f.G1.Email = "maman\x00@mailperso.fr" }, "g1-email", form.MsgForbidden},
		{"control character in a phone", func(f *ChildForm) { f.G1.Phone = "06 12 34 56 78\x00" }, "g1-telephone", "Le numéro de téléphone doit être un numéro français à 10 chiffres, par exemple 06 12 34 56 78."},
		{"newline in the address", func(f *ChildForm) { f.Main.Street = "147 bd\nNice" }, "adresse", form.MsgForbidden},
		{"byte order mark in the commune", func(f *ChildForm) { f.Main.Town = "\uFEFFNice" }, "commune", form.MsgForbidden},
		{"NUL in the secondary commune", func(f *ChildForm) {
			f.HasSecondary, f.Secondary.Street, f.Secondary.Postcode, f.Secondary.Town = true, "1 rue", "06000", "Ni\x00ce"
		}, "commune2", form.MsgForbidden},
		{"NUL in the secondary address", func(f *ChildForm) {
			f.HasSecondary, f.Secondary.Street, f.Secondary.Postcode, f.Secondary.Town = true, "1\x00rue", "06000", "Nice"
		}, "adresse2", form.MsgForbidden},
		{"NUL in a comment", func(f *ChildForm) { f.Periods[0].Comment = "été\x00" }, "periode-0-commentaire", form.MsgForbidden},
		{"bidi override in a comment", func(f *ChildForm) { f.Periods[0].Comment = "note \u202Eabc" }, "periode-0-commentaire", form.MsgForbidden},
		{"tab in a comment", func(f *ChildForm) { f.Periods[0].Comment = "été\tmatin" }, "", ""},
		{"NUL in a date", func(f *ChildForm) { f.Periods[0].Start = "09/07/20\x00" }, "periode-0-debut", msgDate},
		{"comment of 500 characters", func(f *ChildForm) { f.Periods[0].Comment = strings.Repeat("é", 500) }, "", ""},
		{"comment of 501 characters", func(f *ChildForm) { f.Periods[0].Comment = strings.Repeat("é", 501) }, "periode-0-commentaire", form.MsgTooLong(500)},
		{"NFD name of 100 characters as seen", func(f *ChildForm) { f.LastName = strings.Repeat("e\u0301", 100) }, "", ""},
		{"no 29 February in 2025", func(f *ChildForm) {
			f.Periods = []PeriodRow{{Index: 0, Kind: KindDerogation, Start: "29/02/2025", End: "01/03/2025"}}
		}, "periode-0-debut", msgDate},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := valid()
			tc.change(&f)
			_, errs := f.Validate(today)
			if tc.field == "" {
				if len(errs) > 0 {
					t.Fatalf("unexpected errors %+v", errs)
				}
				return
			}
			if got := errs.For(tc.field); got != tc.msg {
				t.Errorf("error of %s = %q, want %q (all: %+v)", tc.field, got, tc.msg, errs)
			}
		})
	}
}

func TestValidateBuildsTheChild(t *testing.T) {
	f := valid()
	f.G1.Phone = "+33 6 12 34 56 78"
	f.Periods = append(f.Periods, PeriodRow{Index: 3, Kind: KindDepassement, Start: "2025-07-09", End: "10/07/2025", Hours: "40", Comment: "été"})
	ch, errs := f.Validate(today)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if ch.G1.Phone != "06 12 34 56 78" || ch.Born.Format("2006-01-02") != "2022-01-01" || len(ch.Periods) != 2 {
		t.Errorf("child %+v", ch)
	}
	p := ch.Periods[1]
	if p.Hours == nil || *p.Hours != 40 || p.End == nil || p.End.Format("02/01/2006") != "10/07/2025" || p.Comment != "été" {
		t.Errorf("period %+v", p)
	}
}

func TestNormalizePhone(t *testing.T) {
	for in, want := range map[string]string{
		"06 12 34 56 78":       "06 12 34 56 78",
		"0612345678":           "06 12 34 56 78",
		"+33 6 12 34 56 78":    "06 12 34 56 78",
		"+33 (0)6 12 34 56 78": "06 12 34 56 78",
		"0033612345678":        "06 12 34 56 78",
		"06.12.34.56.78":       "06 12 34 56 78",
		"04 93 00 00 00":       "04 93 00 00 00",
		"061234567":            "",
		"00 12 34 56 78":       "",
		"+44 20 7946 0958":     "",
		"06 12 34 56 7a":       "",
	} {
		got, ok := NormalizePhone(in)
		if got != want || ok != (want != "") {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// d is a date of the tests; a typo in one is a bug of the test, not a zero time.
func d(s string) time.Time {
	t, err := time.Parse("02/01/2006", s)
	if err != nil {
		panic(err)
	}
	return t
}
func dp(s string) *time.Time { t := d(s); return &t }

func TestCurrentAndHistory(t *testing.T) {
	if !Current([]Period{{Start: d("01/01/2025")}}, today) {
		t.Error("a period without end is current")
	}
	if !Current([]Period{{Start: d("01/01/2025"), End: dp("09/07/2025")}}, today) {
		t.Error("a period ending today is current")
	}
	if Current([]Period{{Start: d("01/01/2025"), End: dp("08/07/2025")}}, today) {
		t.Error("a period that ended yesterday is history")
	}
	if !Current([]Period{{Start: d("01/01/2024"), End: dp("01/02/2024")}, {Start: d("01/09/2025")}}, today) {
		t.Error("a future period makes the child current")
	}
}

func TestDeclaredLate(t *testing.T) {
	periods := []Period{{Start: d("01/07/2025")}, {Start: d("20/06/2025")}}
	if DeclaredLate(periods, d("28/06/2025")) {
		t.Error("8 days after the first start is on time")
	}
	if !DeclaredLate(periods, d("29/06/2025")) {
		t.Error("9 days after the first start is late")
	}
}

func TestMaxSimultaneous(t *testing.T) {
	children := [][]Period{
		{{Start: d("01/01/2025")}},                                                                         // open
		{{Start: d("01/07/2025"), End: dp("31/07/2025")}},                                                  // July
		{{Start: d("01/08/2025"), End: dp("31/08/2025")}},                                                  // August: never with July
		{{Start: d("01/01/2020"), End: dp("01/02/2020")}},                                                  // history
		{{Start: d("15/07/2025"), End: dp("20/07/2025")}, {Start: d("18/07/2025"), End: dp("25/07/2025")}}, // overlaps itself
	}
	if got := MaxSimultaneous(children, today); got != 3 {
		t.Errorf("MaxSimultaneous = %d, want 3", got)
	}
}
