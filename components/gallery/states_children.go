package gallery

import (
	"context"
	"io"
	"strconv"

	"github.com/a-h/templ"

	"github.com/departement06/extranet-assmat/app/children"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// childrenStates: the list, the form and its fragments, the view, the deletion.
func childrenStates() []State {
	st := func(component, name, title string, r State) State {
		r.Group, r.Component, r.Name, r.Title = GroupChildren, component, name, title
		if r.Path == "" {
			r.Path = paths.Children
		}
		return r
	}
	list := func(name, title string, p components.ChildrenListProps) State {
		p.DeadlineDays = children.DeclarationDeadlineDays
		return st("ChildrenListPage", name, title, State{Render: components.ChildrenListPage(p)})
	}
	form := func(name, title string, p components.ChildFormProps) State {
		return st("ChildFormPage", name, title, State{Render: components.ChildFormPage(p), Path: children.NewPath})
	}
	editAction := components.ChildPath(42, "modifier")

	// The list.
	one := []components.ChildRow{{ID: 42, LastName: DoubleSurname, FirstName: LongFirstName, BirthDate: "14/07/2023"}}
	var fifty, history []components.ChildRow
	for i := 1; i <= 50; i++ {
		fifty = append(fifty, components.ChildRow{ID: int64(100 + i), LastName: "MARTIN-" + strconv.Itoa(i),
			FirstName: "Enfant n°" + strconv.Itoa(i), BirthDate: "0" + strconv.Itoa(1+i%9) + "/03/2023"})
	}
	fifty[0].LastName, fifty[0].FirstName = DoubleSurname, LongFirstName
	for i := 1; i <= 12; i++ {
		history = append(history, components.ChildRow{ID: int64(500 + i), LastName: "BERNARD-LEROY", FirstName: "Ancien n°" + strconv.Itoa(i), BirthDate: "15/09/2018"})
	}
	capacity := "Attention : les périodes déclarées font accueillir jusqu'à 5 enfants en même temps, au-delà de la capacité de votre agrément " +
		"(4 enfants simultanément). Vérifiez les dates saisies ou contactez le service des modes d'accueil."

	// The form's inputs, as typed; the real view model (children.FormProps)
	// and the real validation (ChildForm.Validate) make each state.
	newForm := func(f children.ChildForm) components.ChildFormProps {
		return children.FormProps(f, children.FormView{Action: children.NewPath})
	}
	editForm := func(f children.ChildForm) components.ChildFormProps {
		return children.FormProps(f, children.FormView{Action: editAction})
	}
	// invalid is the form after VALIDER, with every message the rules give.
	invalid := func(f children.ChildForm) components.ChildFormProps {
		_, errs := f.Validate(Today)
		return children.FormProps(f, children.FormView{Action: children.NewPath, Errors: errs, Submitted: true})
	}
	empty := children.ChildForm{Periods: []children.PeriodRow{{Index: 0, Kind: children.KindStandard}}}

	filled := children.ChildForm{
		LastName: DoubleSurname, FirstName: LongFirstName, BirthDate: "14/07/2023",
		G1:      children.GuardianForm{Civility: "Madame", LastName: DoubleSurname, FirstName: "Anne-Laure", Email: LongEmail, Phone: "06 12 34 56 78"},
		G2:      children.GuardianForm{Civility: "Monsieur", LastName: "N'GUYEN-VAN-THIEU", FirstName: "Jean-Baptiste", Phone: "04 93 00 00 00"},
		Main:    children.AddressForm{Street: LongAddress, Postcode: "06450", Town: LongCommune},
		Periods: []children.PeriodRow{{Index: 0, Kind: children.KindStandard, Start: "01/09/2025"}},
		Version: "3",
	}
	sixRows := filled
	sixRows.Periods = []children.PeriodRow{
		{Index: 0, Kind: children.KindStandard, Start: "01/09/2025"},
		{Index: 1, Kind: children.KindStandard, Start: "01/09/2024", End: "31/07/2025", Comment: "Mercredis et vacances scolaires uniquement"},
		{Index: 2, Kind: children.KindDerogation, Start: "02/03/2026", End: "06/03/2026", Comment: "Hospitalisation d'un parent"},
		{Index: 3, Kind: children.KindDerogation, Start: "20/04/2026", End: "24/04/2026"},
		{Index: 4, Kind: children.KindDepassement, Start: "01/02/2026", End: "28/02/2026", Hours: "45"},
		{Index: 5, Kind: children.KindDepassement, Start: "01/03/2026", End: "31/03/2026", Hours: "50", Comment: "Horaires de nuit du parent"},
	}
	secondary := filled
	secondary.HasSecondary = true
	secondary.Secondary = children.AddressForm{Street: "3 chemin des Oliviers", Postcode: "06000", Town: LongCommune}
	secondaryWrong := filled
	secondaryWrong.HasSecondary, secondaryWrong.Secondary.Postcode = true, "6000"

	formats := filled
	formats.G1.Email, formats.G1.Phone, formats.Main.Postcode, formats.BirthDate = "anne-laure@", "06 12", "6450", "31/02/2023"
	formats.Periods = []children.PeriodRow{
		{Index: 0, Kind: children.KindStandard, Start: "01/09/2025", Hours: "12"},
		{Index: 1, Kind: children.KindDerogation, Start: "10/03/2026"},
		{Index: 2, Kind: children.KindDepassement, Start: "01/03/2026", End: "01/02/2026", Hours: "60"},
	}

	// Twelve empty rows: the summary shows its first nine lines and counts the rest.
	many := children.ChildForm{FirstName: LongFirstName, BirthDate: "14/07/2023", Main: filled.Main}
	for i := 0; i < 12; i++ {
		many.Periods = append(many.Periods, children.PeriodRow{Index: i, Kind: children.KindStandard})
	}
	noRow := filled
	noRow.Periods = nil

	conflict := editForm(sixRows)
	conflict.Conflict = "Cette fiche a été modifiée entre-temps (par exemple dans un autre onglet) : vos saisies ne sont pas encore enregistrées. " +
		"Elles sont conservées ci-dessous ; vérifiez-les, puis cliquez sur VALIDER pour les enregistrer."

	// Fragments: a period section with one row of a kind, and the one htmx just added.
	rowOf := func(kind string) components.ChildFormProps {
		in := filled
		in.Periods = []children.PeriodRow{{Index: 0, Kind: kind, Start: "01/03/2026"}}
		if kind != children.KindStandard {
			in.Periods[0].End = "31/03/2026"
		}
		if kind == children.KindDepassement {
			in.Periods[0].Hours = "48"
		}
		return newForm(in)
	}
	added := filled
	added.Periods = append(append([]children.PeriodRow{}, filled.Periods...), children.PeriodRow{Index: 1, Kind: children.KindStandard})
	addedProps := children.FormProps(added, children.FormView{Action: children.NewPath, Focus: children.PeriodID(1, "type")})
	frag := func(component, name, title string, r State) State {
		r.Fragment = true
		return st(component, name, title, r)
	}

	view := components.ChildView{
		ID: 42, LastName: DoubleSurname, FirstName: LongFirstName, BirthDate: "14/07/2023",
		Guardians: []components.GuardianView{
			{Title: "Responsable légal n°1", Civility: "Madame", LastName: DoubleSurname, FirstName: "Anne-Laure", Email: LongEmail, Phone: "0612345678"},
			{Title: "Responsable légal n°2"},
		},
		Address:   LongAddress + " 06450 " + LongCommune,
		Secondary: "3 chemin des Oliviers 06000 " + LongCommune,
		Periods: []components.PeriodView{
			{Kind: "Garde standard", Start: "01/09/2025"},
			{Kind: "Dérogation exceptionnelle (55J/an)", Start: "02/03/2026", End: "06/03/2026", Comment: "Hospitalisation d'un parent"},
			{Kind: "Dépassement exceptionnel (50H/mois)", Start: "01/03/2026", End: "31/03/2026", Hours: "50 h", Comment: "Horaires de nuit du parent"},
		},
		DeclaredOn: "Le 28/08/2025 à 09:14", Editable: true,
	}
	historyView := view
	historyView.Editable, historyView.Secondary = false, ""
	historyView.Periods = []components.PeriodView{{Kind: "Garde standard", Start: "01/09/2019", End: "31/07/2022"}}
	childName := LongFirstName + " " + DoubleSurname

	return []State{
		list("aucun-enfant", "Aucun enfant", components.ChildrenListProps{}),
		list("un-enfant", "Un enfant accueilli, nom long", components.ChildrenListProps{Current: one}),
		list("50-enfants-et-historique", "50 enfants accueillis et un historique", components.ChildrenListProps{Current: fifty, History: history}),
		list("historique-pagine", "Historique de 120 enfants, page 2 sur 3", components.ChildrenListProps{Current: one, History: history,
			HistoryPage: 2, HistoryPages: 3, HistoryTotal: 120}),
		list("capacite-depassee", "Avertissement de capacité", components.ChildrenListProps{Current: fifty[:5], Warnings: []string{capacity}}),
		list("fiche-enregistree", "Fiche enregistrée sans parents (message)", components.ChildrenListProps{Current: one,
			Notice: "La fiche de l'enfant est enregistrée. Pensez à compléter les coordonnées des parents : la loi vous oblige à les préciser."}),

		form("vide", "Nouvel enfant, vide", newForm(empty)),
		form("valider-a-vide", "Toutes les erreurs après VALIDER à vide", invalid(empty)),
		form("erreurs-de-format", "Erreurs de format (courriel, téléphone, dates, heures)", invalid(formats)),
		form("resume-tronque", "Plus de 10 erreurs : le résumé en compte le reste", invalid(many)),
		form("aucune-periode", "Aucune période", invalid(noRow)),
		form("deux-periodes-de-chaque-type", "Deux périodes de chaque type, valeurs longues", editForm(sixRows)),
		form("adresse-secondaire", "Adresse secondaire affichée", editForm(secondary)),
		form("adresse-secondaire-en-erreur", "Adresse secondaire en erreur", invalid(secondaryWrong)),
		form("conflit-409", "Conflit 409 : la fiche a changé entre-temps", conflict),

		frag("ChildForm", "conflit-409", "Formulaire renvoyé à htmx après un conflit", State{Render: components.ChildForm(conflict)}),
		frag("PeriodsSection", "garde-standard", "Périodes : une ligne « Garde standard »", State{Render: components.PeriodsSection(rowOf(children.KindStandard))}),
		frag("PeriodsSection", "derogation", "Périodes : une ligne « Dérogation exceptionnelle »", State{Render: components.PeriodsSection(rowOf(children.KindDerogation))}),
		frag("PeriodsSection", "depassement", "Périodes : une ligne « Dépassement exceptionnel »", State{Render: components.PeriodsSection(rowOf(children.KindDepassement))}),
		frag("PeriodsSection", "ligne-ajoutee", "Périodes : la ligne que htmx vient d'ajouter (focus)",
			State{Render: components.PeriodsSection(addedProps)}),
		frag("PeriodRow", "ligne-ajoutee", "La seule ligne que htmx ajoute au tableau (« Ajouter une période »)",
			State{Render: periodRowAlone(addedProps)}),
		frag("SecondaryAddress", "affichee", "Adresse secondaire affichée", State{Render: components.SecondaryAddress(editForm(secondary))}),
		frag("SecondaryAddress", "masquee", "Adresse secondaire masquée (zone vide)", State{Render: components.SecondaryAddress(editForm(filled))}),

		st("ChildViewPage", "modifiable", "Fiche d'un enfant accueilli", State{Render: components.ChildViewPage(view), Path: components.ChildPath(42)}),
		st("ChildViewPage", "historique", "Fiche dans l'historique (non modifiable)", State{Render: components.ChildViewPage(historyView), Path: components.ChildPath(42)}),
		st("ChildDeletePage", "confirmation", "Confirmer la suppression (sans JavaScript)",
			State{Render: components.ChildDeletePage(42, childName), Path: components.ChildPath(42, "supprimer")}),
		st("ChildDeleteDialog", "confirmation", "Dialogue de suppression (avec JavaScript : « Ouvrir le dialogue »)",
			State{Render: dialogOpener(paths.Gallery + "/ChildDeleteDialog/confirmation"),
				HTMX: components.ChildDeleteDialog(42, childName), Fragment: true}),
		st("HistoryLockedPage", "fiche-non-modifiable", "Fiche de l'historique : modification refusée (409)",
			State{Render: components.HistoryLockedPage(42), Path: components.ChildPath(42, "modifier")}),
	}
}

// periodRowAlone is the row htmx appends, inside a table of its own (a <tr>
// needs one to be a row, and to be audited as one), under the periods' hint
// its date inputs name, as in the page.
func periodRowAlone(p components.ChildFormProps) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		head := `<p class="field__hint" id="` + components.PeriodsHintID + `">` + templ.EscapeString(p.PeriodsHint) + `</p>` +
			`<div class="table-wrap periods-wrap"><table class="table periods"><caption class="visually-hidden">Ligne ajoutée</caption><tbody>`
		if _, err := io.WriteString(w, head); err != nil {
			return err
		}
		if err := components.PeriodRow(p.Action, p.Periods[len(p.Periods)-1]).Render(ctx, w); err != nil {
			return err
		}
		_, err := io.WriteString(w, `</tbody></table></div>`)
		return err
	})
}
