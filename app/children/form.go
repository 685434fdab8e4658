package children

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// MaxPeriods bounds the rows of one form: more is refused, not cut.
const MaxPeriods = 30

// Lengths of the text fields, in characters.
const (
	maxName    = 100
	maxAddress = 200
	maxComment = 500
)

// Civilités offered for a guardian.
var Civilites = []string{"Madame", "Monsieur"}

// GuardianForm is a guardian as typed.
type GuardianForm struct {
	Civilite, Nom, Prenom, Email, Phone string
}

// PeriodRow is a care period as typed; Index names its inputs and stays the
// same when another row is removed.
type PeriodRow struct {
	Index                            int
	Kind, Start, End, Hours, Comment string
}

// ChildForm is the form "Ajouter ou modifier un enfant" as typed.
type ChildForm struct {
	Nom, Prenom, DateNaissance      string
	G1, G2                          GuardianForm
	Adresse, CodePostal, Commune    string
	HasSecondary                    bool
	Adresse2, CodePostal2, Commune2 string
	Periods                         []PeriodRow
	// RowsPosted is the number of period rows the request held: Periods
	// keeps the first MaxPeriods, and Validate refuses more.
	RowsPosted int
	Version    string
	Action     string
}

// Input ids (and names) of the form.
const (
	idNom         = "nom"
	idPrenom      = "prenom"
	idNaissance   = "date-naissance"
	idAdresse     = "adresse"
	idCodePostal  = "code-postal"
	idCommune     = "commune"
	idSecondary   = "adresse-secondaire-differente"
	idAdresse2    = "adresse2"
	idCodePostal2 = "code-postal2"
	idCommune2    = "commune2"
	idPeriods     = "periodes"
	partKind      = "type"
	partStart     = "debut"
	partEnd       = "fin"
	partHours     = "heures"
	partComment   = "commentaire"
)

// PeriodID is the id of one input of a period row: "periode-3-debut".
func PeriodID(index int, part string) string { return fmt.Sprintf("periode-%d-%s", index, part) }

// GuardianID is the id of one input of a guardian: "g1-nom".
func GuardianID(n int, part string) string { return fmt.Sprintf("g%d-%s", n, part) }

var periodKey = regexp.MustCompile(`^periode-(\d{1,4})-type$`)

// ParseChildForm reads the posted form. Period rows are found by their type
// select, in index order; past MaxPeriods they are counted, not read.
func ParseChildForm(c *fiber.Ctx) ChildForm {
	v := func(name string) string { return form.Value(c, name) }
	g := func(n int) GuardianForm {
		return GuardianForm{Civilite: v(GuardianID(n, "civilite")), Nom: v(GuardianID(n, "nom")), Prenom: v(GuardianID(n, "prenom")),
			Email: v(GuardianID(n, "email")), Phone: v(GuardianID(n, "telephone"))}
	}
	f := ChildForm{
		Nom: v(idNom), Prenom: v(idPrenom), DateNaissance: v(idNaissance),
		G1: g(1), G2: g(2),
		Adresse: v(idAdresse), CodePostal: v(idCodePostal), Commune: v(idCommune),
		HasSecondary: v(idSecondary) != "",
		Adresse2:     v(idAdresse2), CodePostal2: v(idCodePostal2), Commune2: v(idCommune2),
		Version: v("version"), Action: v("action"),
	}
	var indexes []int
	c.Request().PostArgs().VisitAll(func(key, _ []byte) {
		if m := periodKey.FindSubmatch(key); m != nil {
			i, _ := strconv.Atoi(string(m[1]))
			indexes = append(indexes, i)
		}
	})
	sort.Ints(indexes)
	for n, i := range indexes {
		if n > 0 && indexes[n-1] == i {
			continue // the same row twice: its inputs are read once
		}
		if f.RowsPosted++; f.RowsPosted > MaxPeriods {
			continue
		}
		f.Periods = append(f.Periods, PeriodRow{Index: i, Kind: v(PeriodID(i, partKind)), Start: v(PeriodID(i, partStart)),
			End: v(PeriodID(i, partEnd)), Hours: v(PeriodID(i, partHours)), Comment: v(PeriodID(i, partComment))})
	}
	return f
}

// AddPeriod appends an empty row and returns its index; ok is false when the
// form already holds MaxPeriods rows (nothing is added).
func (f *ChildForm) AddPeriod() (index int, ok bool) {
	if len(f.Periods) >= MaxPeriods {
		return -1, false
	}
	next := 0
	for _, p := range f.Periods {
		if p.Index >= next {
			next = p.Index + 1
		}
	}
	f.Periods = append(f.Periods, PeriodRow{Index: next, Kind: KindStandard})
	return next, true
}

// RemovePeriod removes a row; the form always keeps at least one.
func (f *ChildForm) RemovePeriod(index int) {
	kept := f.Periods[:0]
	for _, p := range f.Periods {
		if p.Index != index {
			kept = append(kept, p)
		}
	}
	f.Periods = kept
	if len(f.Periods) == 0 {
		f.AddPeriod()
	}
}

// Messages of the form. Those that state a rule are built from its constant.
const (
	msgAtLeastOnePeriod = "Veuillez saisir au moins une période d'accueil."
	msgHoursOver        = "le nombre d'heures saisi dépasse 50h par mois"
	msgHoursOnlyOverrun = "Pour saisir le nombre d'heures par mois, choisissez le type de garde « Dépassement exceptionnel (50H/mois) »."
	msgEndBeforeStart   = "La date de fin ne peut pas précéder la date de début."
	msgDate             = "La date doit être au format jj/mm/aaaa, par exemple 09/07/2025."
	msgBeforeBirth      = "La période ne peut pas commencer avant la naissance de l'enfant."
)

var (
	msgPeriodsFull    = fmt.Sprintf("Une fiche compte au plus %d périodes d'accueil : supprimez-en une pour en ajouter une autre.", MaxPeriods)
	msgTooManyPeriods = fmt.Sprintf("Une fiche compte au plus %d périodes d'accueil : seules les %d premières envoyées sont reprises ci-dessous. Rien n'est enregistré ; vérifiez-les, puis cliquez sur VALIDER.", MaxPeriods, MaxPeriods)
	msgBeforeFirstDay = fmt.Sprintf("La date ne peut pas précéder le %s.", FirstPeriodDay.Format("02/01/2006"))
)

// msgTooFarAhead names the last accepted day, today + MaxYearsAhead.
func msgTooFarAhead(today time.Time) string {
	return fmt.Sprintf("La date ne peut pas dépasser le %s (%d ans après aujourd'hui).", LastPeriodDay(today).Format("02/01/2006"), MaxYearsAhead)
}

// maxYearsListed bounds the years named by the dérogation message.
const maxYearsListed = 3

func required(label string) string { return "\"" + label + "\" est un champ requis." }

// Validate checks the whole form against the rules of SPEC §8.2 and returns
// the child it describes. today is the Paris date. Each field gets at most
// one message, so a submission lists at most one per input.
func (f ChildForm) Validate(today time.Time) (Child, components.Errors) {
	var errs components.Errors
	// Too many rows comes first: it is what the summary must say, even
	// when it shows only its first lines.
	if f.RowsPosted > MaxPeriods || len(f.Periods) > MaxPeriods {
		errs.Add(idPeriods, msgTooManyPeriods)
	}
	ch := Child{Nom: f.Nom, Prenom: f.Prenom, HasSecondary: f.HasSecondary}
	for _, id := range f.fieldIDs() {
		errs.Add(id, f.FieldError(id, today))
	}
	ch.Born, _ = form.ParseDate(f.DateNaissance)
	ch.G1, ch.G2 = f.G1.guardian(), f.G2.guardian()
	ch.Main = Address{f.Adresse, normalizePostcode(f.CodePostal), f.Commune}
	if f.HasSecondary {
		ch.Secondary = Address{f.Adresse2, normalizePostcode(f.CodePostal2), f.Commune2}
	}
	if len(f.Periods) == 0 {
		errs.Add(idPeriods, msgAtLeastOnePeriod)
	}
	born := f.born()
	for n, row := range f.Periods {
		// "Période 2 : …" in the summary: the rows' messages are alike.
		period := "Période " + strconv.Itoa(n+1)
		for _, part := range []string{partKind, partStart, partEnd, partHours, partComment} {
			errs.AddIn(PeriodID(row.Index, part), period, row.fieldError(part, born, today))
		}
		ch.Periods = append(ch.Periods, row.period())
	}
	if len(errs) == 0 {
		errs.Add(idPeriods, derogationError(DerogationDaysByYear(ch.Periods)))
	}
	return ch, errs
}

// derogationError is one message for every year over the limit, naming the
// first few: one period of many years would otherwise list them all.
func derogationError(days map[int]int) string {
	var over []int
	for y, d := range days {
		if d > MaxDerogationDaysPerYear {
			over = append(over, y)
		}
	}
	if len(over) == 0 {
		return ""
	}
	sort.Ints(over)
	var parts []string
	for i, y := range over {
		if i == maxYearsListed {
			break
		}
		parts = append(parts, fmt.Sprintf("%d jours saisis en %d", days[y], y))
	}
	msg := fmt.Sprintf("Les dérogations exceptionnelles ne peuvent pas dépasser %d jours par an : %s", MaxDerogationDaysPerYear, strings.Join(parts, ", "))
	switch rest := len(over) - maxYearsListed; {
	case rest == 1:
		msg += " et 1 autre année"
	case rest > 1:
		msg += fmt.Sprintf(" et %d autres années", rest)
	}
	return msg + "."
}

// born is the child's birth date, nil when the form holds none that parses.
func (f ChildForm) born() *time.Time {
	if t, ok := form.ParseDate(f.DateNaissance); ok {
		return &t
	}
	return nil
}

// fieldIDs are the fields outside the period rows, in the order of the form.
func (f ChildForm) fieldIDs() []string {
	ids := []string{idNom, idPrenom, idNaissance}
	for n := 1; n <= 2; n++ {
		for _, part := range []string{"civilite", "nom", "prenom", "email", "telephone"} {
			ids = append(ids, GuardianID(n, part))
		}
	}
	ids = append(ids, idAdresse, idCodePostal, idCommune)
	if f.HasSecondary {
		ids = append(ids, idAdresse2, idCodePostal2, idCommune2)
	}
	return ids
}

// FieldError validates one input by its id: the same rule on submission and
// when htmx checks a field the user just left.
func (f ChildForm) FieldError(id string, today time.Time) string {
	switch id {
	case idNom:
		return text(f.Nom, "Nom de l'enfant", true, maxName)
	case idPrenom:
		return text(f.Prenom, "Prénom de l'enfant", true, maxName)
	case idNaissance:
		if f.DateNaissance == "" {
			return required("Date de naissance de l'enfant")
		}
		born, ok := form.ParseDate(f.DateNaissance)
		if !ok {
			return msgDate
		}
		if born.After(today) {
			return "La date de naissance ne peut pas être dans le futur."
		}
		return ""
	case idAdresse:
		return text(f.Adresse, "Adresse principale", true, maxAddress)
	case idCodePostal:
		return postcode(f.CodePostal, "Code postal de l'adresse principale", true)
	case idCommune:
		return text(f.Commune, "Commune de l'adresse principale", true, maxName)
	case idAdresse2:
		return text(f.Adresse2, "Adresse secondaire", f.HasSecondary, maxAddress)
	case idCodePostal2:
		return postcode(f.CodePostal2, "Code postal de l'adresse secondaire", f.HasSecondary)
	case idCommune2:
		return text(f.Commune2, "Commune de l'adresse secondaire", f.HasSecondary, maxName)
	}
	for n, g := range []GuardianForm{f.G1, f.G2} {
		switch id {
		case GuardianID(n+1, "civilite"):
			if g.Civilite != "" && g.Civilite != Civilites[0] && g.Civilite != Civilites[1] {
				return "Veuillez choisir Madame ou Monsieur."
			}
			return ""
		case GuardianID(n+1, "nom"), GuardianID(n+1, "prenom"):
			value := g.Nom
			if strings.HasSuffix(id, "prenom") {
				value = g.Prenom
			}
			return text(value, "", false, maxName)
		case GuardianID(n+1, "email"):
			if msg := form.Check(g.Email, form.Name, form.MaxEmail); msg != "" {
				return msg
			}
			if g.Email != "" && !form.ValidEmail(g.Email) {
				return "L'adresse courriel n'est pas valide : elle doit ressembler à prenom.nom@exemple.fr."
			}
			return ""
		case GuardianID(n+1, "telephone"):
			if _, ok := NormalizePhone(g.Phone); g.Phone != "" && !ok {
				return "Le numéro de téléphone doit être un numéro français à 10 chiffres, par exemple 06 12 34 56 78."
			}
			return ""
		}
	}
	for _, row := range f.Periods {
		for _, part := range []string{partKind, partStart, partEnd, partHours, partComment} {
			if id == PeriodID(row.Index, part) {
				return row.fieldError(part, f.born(), today)
			}
		}
	}
	return ""
}

// fieldError validates one input of the row. born is nil when the form has no
// valid birth date (nor, in an inline check, the birth date field at all).
func (r PeriodRow) fieldError(part string, born *time.Time, today time.Time) string {
	start, startOK := form.ParseDate(r.Start)
	end, endOK := form.ParseDate(r.End)
	switch part {
	case partKind:
		if KindLabel(r.Kind) == "" {
			return "Veuillez choisir le type de garde."
		}
	case partStart:
		switch {
		case r.Start == "":
			return required("Date de début")
		case !startOK:
			return msgDate
		case start.Before(FirstPeriodDay):
			return msgBeforeFirstDay
		case start.After(LastPeriodDay(today)):
			return msgTooFarAhead(today)
		case born != nil && start.Before(*born):
			return msgBeforeBirth
		}
	case partEnd:
		switch {
		case r.End == "" && (r.Kind == KindDerogation || r.Kind == KindDepassement):
			return required("Date de fin") + " (" + KindLabel(r.Kind) + ")"
		case r.End == "":
		case !endOK:
			return msgDate
		case startOK && end.Before(start):
			return msgEndBeforeStart
		case end.Before(FirstPeriodDay):
			return msgBeforeFirstDay
		case end.After(LastPeriodDay(today)):
			return msgTooFarAhead(today)
		}
	case partHours:
		if r.Kind != KindDepassement {
			if r.Hours != "" {
				return msgHoursOnlyOverrun
			}
			return ""
		}
		h, err := strconv.Atoi(r.Hours)
		switch {
		case r.Hours == "":
			return required("Nombre d'heures par mois")
		case err != nil || h < 1 || h > 744:
			return "Le nombre d'heures doit être un nombre entier, par exemple 40."
		case h > MaxOverrunHoursPerMonth:
			return msgHoursOver
		}
	case partComment:
		return form.Check(r.Comment, form.Text, maxComment)
	}
	return ""
}

func (r PeriodRow) period() Period {
	p := Period{Kind: r.Kind, Comment: r.Comment}
	p.Start, _ = form.ParseDate(r.Start)
	if end, ok := form.ParseDate(r.End); ok {
		p.End = &end
	}
	if h, err := strconv.Atoi(r.Hours); err == nil && r.Kind == KindDepassement {
		p.Hours = &h
	}
	return p
}

func (g GuardianForm) guardian() Guardian {
	phone, _ := NormalizePhone(g.Phone)
	return Guardian{Civilite: g.Civilite, Nom: g.Nom, Prenom: g.Prenom, Email: g.Email, Phone: phone}
}

// text checks a name or an address: required or not, then form.Check (no
// control or invisible character, at most max characters).
func text(value, label string, isRequired bool, max int) string {
	if value == "" && isRequired {
		return required(label)
	}
	return form.Check(value, form.Name, max)
}

var postcodePattern = regexp.MustCompile(`^\d{5}$`)

func normalizePostcode(s string) string { return strings.ReplaceAll(s, " ", "") }

func postcode(value, label string, isRequired bool) string {
	switch {
	case value == "" && isRequired:
		return required(label)
	case value != "" && !postcodePattern.MatchString(normalizePostcode(value)):
		return "Le code postal doit comporter 5 chiffres, par exemple 06200."
	}
	return ""
}

var phoneDigits = regexp.MustCompile(`^0[1-9]\d{8}$`)

// NormalizePhone accepts a French number as people type it (06 12 34 56 78,
// 0612345678, +33 6 12 34 56 78, 06.12.34.56.78) and returns it as
// "06 12 34 56 78".
func NormalizePhone(s string) (string, bool) {
	digits := strings.NewReplacer(" ", "", ".", "", "-", "", "(", "", ")", "", "\u00a0", "").Replace(s)
	switch {
	case strings.HasPrefix(digits, "+33"):
		digits = "0" + strings.TrimPrefix(strings.TrimPrefix(digits, "+33"), "0")
	case strings.HasPrefix(digits, "0033"):
		digits = "0" + strings.TrimPrefix(strings.TrimPrefix(digits, "0033"), "0")
	}
	if !phoneDigits.MatchString(digits) {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < 10; i += 2 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(digits[i : i+2])
	}
	return b.String(), true
}
