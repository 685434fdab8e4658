package gallery

import (
	"strconv"

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
		return st("ChildrenListPage", name, title, State{Render: components.ChildrenListPage(p)})
	}
	form := func(name, title string, p components.ChildFormProps) State {
		return st("ChildFormPage", name, title, State{Render: components.ChildFormPage(p), Path: newChildPath})
	}
	editAction := components.ChildPath(42, "modifier")

	// The list.
	one := []components.ChildRow{{ID: 42, Nom: DoubleSurname, Prenom: LongFirstName, Naissance: "14/07/2023"}}
	var fifty, history []components.ChildRow
	for i := 1; i <= 50; i++ {
		fifty = append(fifty, components.ChildRow{ID: int64(100 + i), Nom: "MARTIN-" + strconv.Itoa(i),
			Prenom: "Enfant n°" + strconv.Itoa(i), Naissance: "0" + strconv.Itoa(1+i%9) + "/03/2023"})
	}
	fifty[0].Nom, fifty[0].Prenom = DoubleSurname, LongFirstName
	for i := 1; i <= 12; i++ {
		history = append(history, components.ChildRow{ID: int64(500 + i), Nom: "BERNARD-LEROY", Prenom: "Ancien n°" + strconv.Itoa(i), Naissance: "15/09/2018"})
	}
	capacity := "Attention : les périodes déclarées font accueillir jusqu'à 5 enfants en même temps, au-delà de la capacité de votre agrément " +
		"(4 enfants simultanément). Vérifiez les dates saisies ou contactez le service des modes d'accueil."

	// The form's inputs.
	empty := childInput{Periods: []periodInput{{Index: 0, Kind: kindStandard}}}
	var emptyErrs components.Errors
	emptyErrs.Add("nom", required("Nom de l'enfant"))
	emptyErrs.Add("prenom", required("Prénom de l'enfant"))
	emptyErrs.Add("date-naissance", required("Date de naissance de l'enfant"))
	emptyErrs.Add("adresse", required("Adresse principale"))
	emptyErrs.Add("code-postal", required("Code postal de l'adresse principale"))
	emptyErrs.Add("commune", required("Commune de l'adresse principale"))
	emptyErrs.AddIn(periodID(0, "debut"), "Période 1", required("Date de début"))

	filled := childInput{
		Nom: DoubleSurname, Prenom: LongFirstName, Naissance: "14/07/2023",
		G1:      guardianInput{Civilite: "Madame", Nom: DoubleSurname, Prenom: "Anne-Laure", Email: LongEmail, Phone: "06 12 34 56 78"},
		G2:      guardianInput{Civilite: "Monsieur", Nom: "N'GUYEN-VAN-THIEU", Prenom: "Jean-Baptiste", Phone: "04 93 00 00 00"},
		Adresse: LongAddress, CodePostal: "06450", Commune: LongCommune,
		Periods: []periodInput{{Index: 0, Kind: kindStandard, Start: "01/09/2025"}},
		Version: "3",
	}
	sixRows := filled
	sixRows.Periods = []periodInput{
		{Index: 0, Kind: kindStandard, Start: "01/09/2025"},
		{Index: 1, Kind: kindStandard, Start: "01/09/2024", End: "31/07/2025", Comment: "Mercredis et vacances scolaires uniquement"},
		{Index: 2, Kind: kindDerogation, Start: "02/03/2026", End: "06/03/2026", Comment: "Hospitalisation d'un parent"},
		{Index: 3, Kind: kindDerogation, Start: "20/04/2026", End: "24/04/2026"},
		{Index: 4, Kind: kindDepassement, Start: "01/02/2026", End: "28/02/2026", Hours: "45"},
		{Index: 5, Kind: kindDepassement, Start: "01/03/2026", End: "31/03/2026", Hours: "50", Comment: "Horaires de nuit du parent"},
	}
	secondary := filled
	secondary.HasSecondary = true
	secondary.Adresse2, secondary.CodePostal2, secondary.Commune2 = "3 chemin des Oliviers", "06000", LongCommune
	var secondaryErrs components.Errors
	secondaryErrs.Add("adresse2", required("Adresse secondaire"))
	secondaryErrs.Add("code-postal2", "Le code postal doit comporter 5 chiffres, par exemple 06200.")
	secondaryEmpty := filled
	secondaryEmpty.HasSecondary, secondaryEmpty.CodePostal2 = true, "6000"

	formats := filled
	formats.G1.Email, formats.G1.Phone, formats.CodePostal, formats.Naissance = "anne-laure@", "06 12", "6450", "31/02/2023"
	formats.Periods = []periodInput{
		{Index: 0, Kind: kindStandard, Start: "01/09/2025", Hours: "12"},
		{Index: 1, Kind: kindDerogation, Start: "10/03/2026"},
		{Index: 2, Kind: kindDepassement, Start: "01/03/2026", End: "01/02/2026", Hours: "60"},
	}
	var formatErrs components.Errors
	formatErrs.Add("date-naissance", "La date doit être au format jj/mm/aaaa, par exemple 09/07/2025.")
	formatErrs.Add(guardianID(1, "email"), "L'adresse courriel n'est pas valide : elle doit ressembler à prenom.nom@exemple.fr.")
	formatErrs.Add(guardianID(1, "telephone"), "Le numéro de téléphone doit être un numéro français à 10 chiffres, par exemple 06 12 34 56 78.")
	formatErrs.Add("code-postal", "Le code postal doit comporter 5 chiffres, par exemple 06200.")
	formatErrs.AddIn(periodID(0, "heures"), "Période 1", "Pour saisir le nombre d'heures par mois, choisissez le type de garde « Dépassement exceptionnel (50H/mois) ».")
	formatErrs.AddIn(periodID(1, "fin"), "Période 2", required("Date de fin")+" (Dérogation exceptionnelle (55J/an))")
	formatErrs.AddIn(periodID(2, "fin"), "Période 3", "La date de fin ne peut pas précéder la date de début.")
	formatErrs.AddIn(periodID(2, "heures"), "Période 3", "le nombre d'heures saisi dépasse 50h par mois")

	// Twelve empty rows: the summary shows its first nine lines and counts the rest.
	many := childInput{}
	var manyErrs components.Errors
	manyErrs.Add("nom", required("Nom de l'enfant"))
	for i := 0; i < 12; i++ {
		many.Periods = append(many.Periods, periodInput{Index: i, Kind: kindStandard})
		manyErrs.AddIn(periodID(i, "debut"), "Période "+strconv.Itoa(i+1), required("Date de début"))
	}

	var atLeastOne components.Errors
	atLeastOne.Add("periodes", "Veuillez saisir au moins une période d'accueil.")
	noRow := filled
	noRow.Periods = nil

	conflict := childFormProps(sixRows, editAction, nil, false, -1)
	conflict.Conflict = "Cette fiche a été modifiée entre-temps (par exemple dans un autre onglet) : vos saisies ne sont pas encore enregistrées. " +
		"Elles sont conservées ci-dessous ; vérifiez-les, puis cliquez sur VALIDER pour les enregistrer."

	// Fragments: a period section with one row of a kind, and the one htmx just added.
	rowOf := func(kind string) components.ChildFormProps {
		in := filled
		in.Periods = []periodInput{{Index: 0, Kind: kind, Start: "01/03/2026"}}
		if kind != kindStandard {
			in.Periods[0].End = "31/03/2026"
		}
		if kind == kindDepassement {
			in.Periods[0].Hours = "48"
		}
		return childFormProps(in, newChildPath, nil, false, -1)
	}
	added := filled
	added.Periods = append(append([]periodInput{}, filled.Periods...), periodInput{Index: 1, Kind: kindStandard})
	frag := func(component, name, title string, r State) State {
		r.Fragment = true
		return st(component, name, title, r)
	}

	view := components.ChildView{
		ID: 42, Nom: DoubleSurname, Prenom: LongFirstName, Naissance: "14/07/2023",
		Guardians: []components.GuardianView{
			{Title: "Responsable légal n°1", Civilite: "Madame", Nom: DoubleSurname, Prenom: "Anne-Laure", Email: LongEmail, Phone: "0612345678"},
			{Title: "Responsable légal n°2"},
		},
		Adresse:   LongAddress + " 06450 " + LongCommune,
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
		list("capacite-depassee", "Avertissement de capacité", components.ChildrenListProps{Current: fifty[:5], Warnings: []string{capacity}}),
		list("fiche-enregistree", "Fiche enregistrée sans parents (message)", components.ChildrenListProps{Current: one,
			Notice: "La fiche de l'enfant est enregistrée. Pensez à compléter les coordonnées des parents : la loi vous oblige à les préciser."}),

		form("vide", "Nouvel enfant, vide", childFormProps(empty, newChildPath, nil, false, -1)),
		form("valider-a-vide", "Toutes les erreurs après VALIDER à vide", childFormProps(empty, newChildPath, emptyErrs, true, -1)),
		form("erreurs-de-format", "Erreurs de format (courriel, téléphone, dates, heures)", childFormProps(formats, newChildPath, formatErrs, true, -1)),
		form("resume-tronque", "Plus de 10 erreurs : le résumé en compte le reste", childFormProps(many, newChildPath, manyErrs, true, -1)),
		form("aucune-periode", "Aucune période", childFormProps(noRow, newChildPath, atLeastOne, true, -1)),
		form("deux-periodes-de-chaque-type", "Deux périodes de chaque type, valeurs longues", childFormProps(sixRows, editAction, nil, false, -1)),
		form("adresse-secondaire", "Adresse secondaire affichée", childFormProps(secondary, editAction, nil, false, -1)),
		form("adresse-secondaire-en-erreur", "Adresse secondaire en erreur", childFormProps(secondaryEmpty, editAction, secondaryErrs, true, -1)),
		form("conflit-409", "Conflit 409 : la fiche a changé entre-temps", conflict),

		frag("ChildForm", "conflit-409", "Formulaire renvoyé à htmx après un conflit", State{Render: components.ChildForm(conflict)}),
		frag("PeriodsSection", "garde-standard", "Périodes : une ligne « Garde standard »", State{Render: components.PeriodsSection(rowOf(kindStandard))}),
		frag("PeriodsSection", "derogation", "Périodes : une ligne « Dérogation exceptionnelle »", State{Render: components.PeriodsSection(rowOf(kindDerogation))}),
		frag("PeriodsSection", "depassement", "Périodes : une ligne « Dépassement exceptionnel »", State{Render: components.PeriodsSection(rowOf(kindDepassement))}),
		frag("PeriodsSection", "ligne-ajoutee", "Périodes : la ligne que htmx vient d'ajouter (focus)",
			State{Render: components.PeriodsSection(childFormProps(added, newChildPath, nil, false, 1))}),
		frag("SecondaryAddress", "affichee", "Adresse secondaire affichée", State{Render: components.SecondaryAddress(childFormProps(secondary, editAction, nil, false, -1))}),
		frag("SecondaryAddress", "masquee", "Adresse secondaire masquée (zone vide)", State{Render: components.SecondaryAddress(childFormProps(filled, editAction, nil, false, -1))}),

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
