package children

import (
	"strconv"
	"time"

	"github.com/a-h/templ"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// FieldURL is where htmx checks a field the user just left.
const FieldURL = paths.Children + "/champ"

// formFromChild fills the form with a saved child, for "Modifier".
func formFromChild(ch Child) ChildForm {
	date := func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.Format("02/01/2006")
	}
	f := ChildForm{
		LastName: ch.LastName, FirstName: ch.FirstName, BirthDate: ch.Born.Format("02/01/2006"),
		G1: GuardianForm(ch.G1), G2: GuardianForm(ch.G2),
		Main: AddressForm(ch.Main), HasSecondary: ch.HasSecondary, Secondary: AddressForm(ch.Secondary),
		Version: strconv.Itoa(int(ch.Version)),
	}
	for i, p := range ch.Periods {
		row := PeriodRow{Index: i, Kind: p.Kind, Start: p.Start.Format("02/01/2006"), End: date(p.End), Comment: p.Comment}
		if p.Hours != nil {
			row.Hours = strconv.Itoa(*p.Hours)
		}
		f.Periods = append(f.Periods, row)
	}
	return f
}

// FormView says how the form is shown besides what it holds.
type FormView struct {
	// Action is the URL the form posts to.
	Action string
	// Errors are the messages to show, by field.
	Errors components.Errors
	// Submitted marks with a tick the fields that passed after a failed
	// VALIDER.
	Submitted bool
	// Focus is the id of the input htmx focuses when it swaps the rows in
	// (the first of a row just added); "" for none.
	Focus string
	// RowNumber is the number of the only row an inline check posts (0:
	// rows are numbered by their place).
	RowNumber int
}

// FormProps builds the form's view model from its table of fields. The
// gallery builds its states with it too.
func FormProps(f ChildForm, v FormView) components.ChildFormProps {
	p, _ := buildForm(f, v)
	return p
}

// buildForm is FormProps and every field it built, by id.
func buildForm(f ChildForm, v FormView) (components.ChildFormProps, map[string]components.Field) {
	b := formBuilder{view: v, built: map[string]components.Field{}}
	p := components.ChildFormProps{
		Action:       v.Action,
		Version:      f.Version,
		Errors:       v.Errors,
		LastName:     b.keep(b.field(childLastName, f.LastName)),
		FirstName:    b.keep(b.field(childFirstName, f.FirstName)),
		BirthDate:    b.keep(b.field(childBirthDate, f.BirthDate)),
		Guardians:    []components.GuardianFields{b.guardian(1, f.G1), b.guardian(2, f.G2)},
		Main:         b.address(mainAddress, f.Main, ""),
		HasSecondary: f.HasSecondary,
		// A secondary field checks itself knowing the box is ticked.
		Secondary:    b.address(secondaryAddress, f.Secondary, "#"+components.SecondaryName),
		PeriodsError: v.Errors.For(components.PeriodsID),
		PeriodsHint:  msgHoursOnlyOverrun + " Dates au format jj/mm/aaaa.",
	}
	for n, r := range f.Periods {
		number := n + 1
		if v.RowNumber > 0 {
			number = v.RowNumber
		}
		p.Periods = append(p.Periods, b.periodRow(r, number))
	}
	return p, b.built
}

// formBuilder turns the table's entries into the template's fields.
type formBuilder struct {
	view FormView
	// built is every field by id, as the page shows it: the inline check
	// answers one of them.
	built map[string]components.Field
}

func (b *formBuilder) field(s form.Spec, value string) components.Field {
	fl := s.Field(value, b.view.Errors.For(s.InputID()))
	fl.Valid = b.view.Submitted && value != ""
	fl.ValidateURL = FieldURL
	return fl
}

// keep records a field once it is complete.
func (b *formBuilder) keep(fl components.Field) components.Field {
	b.built[fl.ID] = fl
	return fl
}

func (b *formBuilder) guardian(n int, g GuardianForm) components.GuardianFields {
	s := guardianFields(n)
	civilities := []components.Option{{Value: "", Label: "—"}}
	for _, c := range Civilities {
		civilities = append(civilities, components.Option{Value: c, Label: c})
	}
	civility := b.field(s.Civility, g.Civility)
	civility.Options = civilities
	return components.GuardianFields{
		Legend:    "Responsable légal n°" + strconv.Itoa(n),
		Civility:  b.keep(civility),
		LastName:  b.keep(b.field(s.LastName, g.LastName)),
		FirstName: b.keep(b.field(s.FirstName, g.FirstName)),
		Email:     b.keep(b.field(s.Email, g.Email)),
		Phone:     b.keep(b.field(s.Phone, g.Phone)),
	}
}

func (b *formBuilder) address(s addressSpecs, a AddressForm, include string) components.AddressFields {
	field := func(spec form.Spec, value string) components.Field {
		fl := b.field(spec, value)
		fl.ValidateInclude = include
		return b.keep(fl)
	}
	return components.AddressFields{Street: field(s.Street, a.Street), Postcode: field(s.Postcode, a.Postcode), Town: field(s.Town, a.Town)}
}

func (b *formBuilder) periodRow(r PeriodRow, number int) components.PeriodRowProps {
	s := periodFields(r.Index)
	of := " (période " + strconv.Itoa(number) + ")"
	cell := func(spec form.Spec, value string, required bool) components.Field {
		spec.Label, spec.Required = spec.Label+of, required
		fl := b.field(spec, value)
		// The row's messages say which row in the summary; the label in
		// the cell says it to screen readers.
		fl.CellLabel = true
		// What the check posts besides the input is the row's (CheckInclude).
		fl.ValidateInherited = true
		return fl
	}
	row := components.PeriodRowProps{
		Index: r.Index, Number: number, Focus: b.view.Focus == s.Kind.InputID(),
		// The birth date too: a period may not start before it.
		CheckInclude: "#" + s.Kind.InputID() + ", #" + s.Start.InputID() + ", #" + childBirthDate.InputID(),
		CheckVals:    `{"` + components.RowNumberName + `": "` + strconv.Itoa(number) + `"}`,
		Kind:         cell(s.Kind, r.Kind, true),
		Start:        cell(s.Start, r.Start, true),
		End:          cell(s.End, r.End, endRequired(r.Kind)),
		Hours:        cell(s.Hours, r.Hours, hoursRequired(r.Kind)),
		Comment:      cell(s.Comment, r.Comment, false),
	}
	// Changing the type re-renders the table (the hours field opens or closes).
	kinds := []components.Option{{Value: "", Label: "Choisir…"}}
	for _, k := range KindLabels {
		kinds = append(kinds, components.Option{Value: k.Value, Label: k.Label})
	}
	row.Kind.Options = kinds
	row.Kind.ValidateURL, row.Kind.ValidateInherited = "", false
	row.Kind.Attrs = templ.Attributes{"hx-post": b.view.Action, "hx-trigger": "change", "hx-target": "#" + components.PeriodsID,
		"hx-swap": "outerHTML", "hx-vals": `{"` + components.ActionName + `": "` + components.ActionRefreshPeriods + `"}`}
	// The table's hint says the format once for every row.
	row.Start.DescribedBy, row.End.DescribedBy = components.PeriodsHintID, components.PeriodsHintID
	if !hoursRequired(r.Kind) {
		row.Hours.Disabled, row.Hours.Value = true, ""
	}
	for _, fl := range []components.Field{row.Start, row.End, row.Hours, row.Comment} {
		b.keep(fl)
	}
	return row
}

// listProps builds the list's view model, with the capacity warning.
func listProps(l List, notice string) components.ChildrenListProps {
	rows := func(items []ListItem) []components.ChildRow {
		out := make([]components.ChildRow, len(items))
		for i, it := range items {
			out[i] = components.ChildRow{ID: it.ID, LastName: it.LastName, FirstName: it.FirstName, BirthDate: it.Born.Format("02/01/2006")}
		}
		return out
	}
	p := components.ChildrenListProps{DeadlineDays: DeclarationDeadlineDays, Current: rows(l.Current), History: rows(l.History), Notice: notice,
		HistoryPage: l.HistoryPage, HistoryPages: l.HistoryPages, HistoryTotal: l.HistoryTotal}
	if l.Truncated {
		p.Warnings = append(p.Warnings, "Vos fiches sont trop nombreuses pour être toutes affichées sur cette page : seules les "+
			strconv.Itoa(len(l.Current)+len(l.History))+" premières, par ordre alphabétique, sont listées ci-dessous. "+
			"Contactez le service des modes d'accueil pour faire archiver les plus anciennes.")
	}
	if l.Capacity > 0 && l.MaxSimultaneous > l.Capacity {
		p.Warnings = append(p.Warnings, "Attention : les périodes déclarées font accueillir jusqu'à "+strconv.Itoa(l.MaxSimultaneous)+
			" enfants en même temps, au-delà de la capacité de votre agrément ("+strconv.Itoa(l.Capacity)+
			" enfants simultanément). Vérifiez les dates saisies ou contactez le service des modes d'accueil.")
	}
	return p
}

// childView builds the read-only view model.
func childView(ch Child, today time.Time) components.ChildView {
	addr := func(a Address) string { return a.Street + " " + a.Postcode + " " + a.Town }
	v := components.ChildView{
		ID: ch.ID, LastName: ch.LastName, FirstName: ch.FirstName, BirthDate: ch.Born.Format("02/01/2006"),
		Address: addr(ch.Main), DeclaredOn: components.DateTime(ch.DeclaredAt), DeclaredLate: ch.DeclaredLate,
		Editable: Current(ch.Periods, today),
	}
	if ch.HasSecondary {
		v.Secondary = addr(ch.Secondary)
	}
	for n, g := range []Guardian{ch.G1, ch.G2} {
		v.Guardians = append(v.Guardians, components.GuardianView{Title: "Responsable légal n°" + strconv.Itoa(n+1),
			Civility: g.Civility, LastName: g.LastName, FirstName: g.FirstName, Email: g.Email, Phone: g.Phone})
	}
	for _, p := range ch.Periods {
		pv := components.PeriodView{Kind: KindLabel(p.Kind), Start: p.Start.Format("02/01/2006"), Comment: p.Comment}
		if p.End != nil {
			pv.End = p.End.Format("02/01/2006")
		}
		if p.Hours != nil {
			pv.Hours = strconv.Itoa(*p.Hours) + " h"
		}
		v.Periods = append(v.Periods, pv)
	}
	return v
}
