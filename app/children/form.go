package children

import (
	"fmt"
	"regexp"
	"slices"
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

// GuardianForm is a guardian as typed.
type GuardianForm struct {
	Civility, LastName, FirstName, Email, Phone string
}

// AddressForm is an address as typed.
type AddressForm struct {
	Street, Postcode, Town string
}

// PeriodRow is a care period as typed; Index names its inputs and stays the
// same when another row is removed.
type PeriodRow struct {
	Index                            int
	Kind, Start, End, Hours, Comment string
}

// ChildForm is the form "Ajouter ou modifier un enfant" as typed.
type ChildForm struct {
	LastName, FirstName, BirthDate string
	G1, G2                         GuardianForm
	Main                           AddressForm
	HasSecondary                   bool
	Secondary                      AddressForm
	Periods                        []PeriodRow
	// RowsPosted is the number of period rows the request held: Periods
	// keeps the first MaxPeriods, and Validate refuses more.
	RowsPosted int
	Version    string
	Action     string
}

var periodKey = regexp.MustCompile(`^periode-(\d{1,4})-type$`)

// ParseChildForm reads the posted form. Period rows are found by their type
// select, in index order; past MaxPeriods they are counted, not read.
func ParseChildForm(c *fiber.Ctx) ChildForm {
	guardian := func(s guardianSpecs) GuardianForm {
		return GuardianForm{Civility: s.Civility.Read(c), LastName: s.LastName.Read(c), FirstName: s.FirstName.Read(c),
			Email: s.Email.Read(c), Phone: s.Phone.Read(c)}
	}
	address := func(s addressSpecs) AddressForm {
		return AddressForm{Street: s.Street.Read(c), Postcode: normalizePostcode(s.Postcode.Read(c)), Town: s.Town.Read(c)}
	}
	f := ChildForm{
		LastName: childLastName.Read(c), FirstName: childFirstName.Read(c), BirthDate: childBirthDate.Read(c),
		G1: guardian(guardianFields(1)), G2: guardian(guardianFields(2)),
		Main:         address(mainAddress),
		HasSecondary: form.Value(c, components.SecondaryName) != "",
		Secondary:    address(secondaryAddress),
		Version:      form.Value(c, components.VersionName), Action: form.Value(c, components.ActionName),
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
		s := periodFields(i)
		f.Periods = append(f.Periods, PeriodRow{Index: i, Kind: s.Kind.Read(c), Start: s.Start.Read(c),
			End: s.End.Read(c), Hours: s.Hours.Read(c), Comment: s.Comment.Read(c)})
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
	msgEndBeforeStart   = "La date de fin ne peut pas précéder la date de début."
	msgDate             = "La date doit être au format jj/mm/aaaa, par exemple 09/07/2025."
	msgBeforeBirth      = "La période ne peut pas commencer avant la naissance de l'enfant."
	msgPhone            = "Le numéro de téléphone doit être un numéro français à 10 chiffres, par exemple 06 12 34 56 78."
)

var (
	msgHoursOver        = fmt.Sprintf("le nombre d'heures saisi dépasse %dh par mois", MaxOverrunHoursPerMonth)
	msgHoursOnlyOverrun = "Pour saisir le nombre d'heures par mois, choisissez le type de garde « " + KindLabel(KindDepassement) + " »."
	msgHoursNumber      = fmt.Sprintf("Le nombre d'heures doit être un nombre entier de 1 à %d, par exemple 40.", maxHoursPerMonth)
	msgPeriodsFull      = fmt.Sprintf("Une fiche compte au plus %d périodes d'accueil : supprimez-en une pour en ajouter une autre.", MaxPeriods)
	msgTooManyPeriods   = fmt.Sprintf("Une fiche compte au plus %d périodes d'accueil : seules les %d premières envoyées sont reprises ci-dessous. Rien n'est enregistré ; vérifiez-les, puis cliquez sur VALIDER.", MaxPeriods, MaxPeriods)
	msgBeforeFirstDay   = fmt.Sprintf("La date ne peut pas précéder le %s.", FirstPeriodDay.Format("02/01/2006"))
)

// msgTooFarAhead names the last accepted day, today + MaxYearsAhead.
func msgTooFarAhead(today time.Time) string {
	return fmt.Sprintf("La date ne peut pas dépasser le %s (%d ans après aujourd'hui).", LastPeriodDay(today).Format("02/01/2006"), MaxYearsAhead)
}

// maxYearsListed bounds the years named by the dérogation message.
const maxYearsListed = 3

// Validate checks the whole form against the rules of SPEC §8.2 and returns
// the child it describes. today is the Paris date. Each field gets at most
// one message, so a submission lists at most one per input.
func (f ChildForm) Validate(today time.Time) (Child, components.Errors) {
	var errs components.Errors
	// Too many rows comes first: it is what the summary must say, even
	// when it shows only its first lines.
	if f.RowsPosted > MaxPeriods || len(f.Periods) > MaxPeriods {
		errs.Add(components.PeriodsID, msgTooManyPeriods)
	}
	for _, in := range f.inputs() {
		errs.Add(in.spec.InputID(), f.check(in, today))
	}
	ch := Child{LastName: f.LastName, FirstName: f.FirstName, HasSecondary: f.HasSecondary,
		G1: f.G1.guardian(), G2: f.G2.guardian(), Main: f.Main.address()}
	ch.Born, _ = form.ParseDate(f.BirthDate)
	if f.HasSecondary {
		ch.Secondary = f.Secondary.address()
	}
	if len(f.Periods) == 0 {
		errs.Add(components.PeriodsID, msgAtLeastOnePeriod)
	}
	born := f.born()
	for n, row := range f.Periods {
		// "Période 2 : …" in the summary: the rows' messages are alike.
		period := "Période " + strconv.Itoa(n+1)
		for _, part := range periodParts {
			errs.AddIn(PeriodID(row.Index, part), period, row.fieldError(part, born, today))
		}
		ch.Periods = append(ch.Periods, row.period())
	}
	if len(errs) == 0 {
		errs.Add(components.PeriodsID, derogationError(DerogationDaysByYear(ch.Periods)))
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
	if t, ok := form.ParseDate(f.BirthDate); ok {
		return &t
	}
	return nil
}

// input is one field outside the period rows with its value as typed.
type input struct {
	spec  form.Spec
	value string
}

// inputs are the fields outside the period rows, in the order of the form;
// the secondary address counts only when its box is ticked.
func (f ChildForm) inputs() []input {
	in := []input{{childLastName, f.LastName}, {childFirstName, f.FirstName}, {childBirthDate, f.BirthDate}}
	for n, g := range []GuardianForm{f.G1, f.G2} {
		s := guardianFields(n + 1)
		in = append(in, input{s.Civility, g.Civility}, input{s.LastName, g.LastName}, input{s.FirstName, g.FirstName},
			input{s.Email, g.Email}, input{s.Phone, g.Phone})
	}
	address := func(s addressSpecs, a AddressForm) {
		in = append(in, input{s.Street, a.Street}, input{s.Postcode, a.Postcode}, input{s.Town, a.Town})
	}
	address(mainAddress, f.Main)
	if f.HasSecondary {
		address(secondaryAddress, f.Secondary)
	}
	return in
}

// FieldError validates one input by its id: the same rule on submission and
// when htmx checks a field the user just left.
func (f ChildForm) FieldError(id string, today time.Time) string {
	for _, in := range f.inputs() {
		if in.spec.InputID() == id {
			return f.check(in, today)
		}
	}
	for _, row := range f.Periods {
		for _, part := range periodParts {
			if PeriodID(row.Index, part) == id {
				return row.fieldError(part, f.born(), today)
			}
		}
	}
	return ""
}

// check applies the field's table entry, then the rule of its kind.
func (f ChildForm) check(in input, today time.Time) string {
	switch in.spec.Name {
	case mainAddress.Postcode.Name, secondaryAddress.Postcode.Name:
		in.value = normalizePostcode(in.value)
	case guardianFields(1).Phone.Name, guardianFields(2).Phone.Name:
		// A number is read digit by digit (NormalizePhone): whatever else
		// it holds, the one message says what a number looks like.
		if _, ok := NormalizePhone(in.value); in.value != "" && !ok {
			return msgPhone
		}
		return ""
	}
	if msg := in.spec.Check(in.value); msg != "" || in.value == "" {
		return msg
	}
	switch in.spec.Name {
	case childBirthDate.Name:
		born, ok := form.ParseDate(in.value)
		if !ok {
			return msgDate
		}
		if born.After(today) {
			return "La date de naissance ne peut pas être dans le futur."
		}
	case mainAddress.Postcode.Name, secondaryAddress.Postcode.Name:
		if !postcodePattern.MatchString(in.value) {
			return "Le code postal doit comporter 5 chiffres, par exemple 06200."
		}
	case guardianFields(1).Civility.Name, guardianFields(2).Civility.Name:
		if !slices.Contains(Civilities, in.value) {
			return "Veuillez choisir Madame ou Monsieur."
		}
	case guardianFields(1).Email.Name, guardianFields(2).Email.Name:
		if !form.ValidEmail(in.value) {
			return "L'adresse courriel n'est pas valide : elle doit ressembler à prenom.nom@exemple.fr."
		}
	}
	return ""
}

// fieldError validates one input of the row. born is nil when the form has no
// valid birth date (nor, in an inline check, the birth date field at all).
func (r PeriodRow) fieldError(part string, born *time.Time, today time.Time) string {
	s := periodFields(r.Index)
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
			return s.Start.MissingMessage()
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
		case r.End == "" && endRequired(r.Kind):
			return s.End.MissingMessage() + " (" + KindLabel(r.Kind) + ")"
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
		if !hoursRequired(r.Kind) {
			if r.Hours != "" {
				return msgHoursOnlyOverrun
			}
			return ""
		}
		h, err := strconv.Atoi(r.Hours)
		switch {
		case r.Hours == "":
			return s.Hours.MissingMessage()
		case err != nil || h < 1 || h > maxHoursPerMonth:
			return msgHoursNumber
		case h > MaxOverrunHoursPerMonth:
			return msgHoursOver
		}
	case partComment:
		return s.Comment.Check(r.Comment)
	}
	return ""
}

// periodParts are the inputs of a row, in its order.
var periodParts = []string{partKind, partStart, partEnd, partHours, partComment}

// endRequired: a dérogation or a dépassement is bounded in time.
func endRequired(kind string) bool { return kind == KindDerogation || kind == KindDepassement }

// hoursRequired: only a dépassement counts its hours.
func hoursRequired(kind string) bool { return kind == KindDepassement }

// maxHoursPerMonth is a whole month, day and night (31 × 24): more is a typing error.
const maxHoursPerMonth = 744

func (r PeriodRow) period() Period {
	p := Period{Kind: r.Kind, Comment: r.Comment}
	p.Start, _ = form.ParseDate(r.Start)
	if end, ok := form.ParseDate(r.End); ok {
		p.End = &end
	}
	if h, err := strconv.Atoi(r.Hours); err == nil && hoursRequired(r.Kind) {
		p.Hours = &h
	}
	return p
}

func (g GuardianForm) guardian() Guardian {
	phone, _ := NormalizePhone(g.Phone)
	return Guardian{Civility: g.Civility, LastName: g.LastName, FirstName: g.FirstName, Email: g.Email, Phone: phone}
}

func (a AddressForm) address() Address {
	return Address{Street: a.Street, Postcode: normalizePostcode(a.Postcode), Town: a.Town}
}

var postcodePattern = regexp.MustCompile(`^\d{5}$`)

// normalizePostcode drops the spaces of "06 200".
func normalizePostcode(s string) string { return strings.ReplaceAll(s, " ", "") }

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
