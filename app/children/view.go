package children

import (
	"strconv"

	"github.com/a-h/templ"
	"time"

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
	g := func(x Guardian) GuardianForm { return GuardianForm(x) }
	f := ChildForm{
		Nom: ch.Nom, Prenom: ch.Prenom, DateNaissance: ch.Born.Format("02/01/2006"),
		G1: g(ch.G1), G2: g(ch.G2),
		Adresse: ch.Main.Adresse, CodePostal: ch.Main.CodePostal, Commune: ch.Main.Commune,
		HasSecondary: ch.HasSecondary,
		Adresse2:     ch.Secondary.Adresse, CodePostal2: ch.Secondary.CodePostal, Commune2: ch.Secondary.Commune,
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

// formProps builds the view model of the form. submitted marks the fields
// that passed after a failed submission; focus is the row htmx just added (-1: none).
func formProps(f ChildForm, action string, errs components.Errors, submitted bool, focus int) components.ChildFormProps {
	field := func(id, label string, value string, required bool, max int) components.Field {
		return components.Field{ID: id, Name: id, Label: label, Value: value, Required: required, MaxLength: max,
			Error: errs.For(id), Valid: submitted && value != "", ValidateURL: FieldURL}
	}
	// The format is said in a hint tied to the input, not only in the
	// placeholder, which disappears as soon as one types.
	date := func(fl components.Field) components.Field {
		fl.InputMode, fl.Placeholder, fl.MaxLength = "numeric", "jj/mm/aaaa", 10
		fl.Hint = "Au format jj/mm/aaaa, par exemple 15/03/2024."
		return fl
	}
	civilites := []components.Option{{Value: "", Label: "—"}}
	for _, c := range Civilites {
		civilites = append(civilites, components.Option{Value: c, Label: c})
	}
	guardian := func(n int, g GuardianForm) components.GuardianFields {
		num := strconv.Itoa(n)
		gf := components.GuardianFields{
			Legend:   "Responsable légal n°" + num,
			Civilite: field(GuardianID(n, "civilite"), "Civilité du responsable légal "+num, g.Civilite, false, 0),
			Nom:      field(GuardianID(n, "nom"), "Nom du responsable légal n°"+num, g.Nom, false, 100),
			Prenom:   field(GuardianID(n, "prenom"), "Prénom du responsable légal n°"+num, g.Prenom, false, 100),
			Email:    field(GuardianID(n, "email"), "Adresse courriel du responsable légal n°"+num, g.Email, false, 254),
			Phone:    field(GuardianID(n, "telephone"), "N° de téléphone du responsable légal "+num, g.Phone, false, 25),
		}
		gf.Civilite.Options = civilites
		// No autocomplete token: the guardians are third parties, and a token
		// (family-name, email, tel…) has the browser fill in the childminder's own data.
		gf.Email.Type = "email"
		gf.Phone.Type, gf.Phone.Hint = "tel", "Par exemple 06 12 34 56 78."
		return gf
	}
	p := components.ChildFormProps{
		Action:       action,
		Version:      f.Version,
		Errors:       errs,
		Nom:          field(idNom, "Nom de l'enfant", f.Nom, true, 100),
		Prenom:       field(idPrenom, "Prénom de l'enfant", f.Prenom, true, 100),
		Naissance:    date(field(idNaissance, "Date de naissance de l'enfant", f.DateNaissance, true, 10)),
		Guardians:    []components.GuardianFields{guardian(1, f.G1), guardian(2, f.G2)},
		Adresse:      field(idAdresse, "Adresse principale", f.Adresse, true, 200),
		CodePostal:   field(idCodePostal, "Code postal", f.CodePostal, true, 5),
		Commune:      field(idCommune, "Commune", f.Commune, true, 100),
		HasSecondary: f.HasSecondary,
		Adresse2:     field(idAdresse2, "Adresse secondaire", f.Adresse2, true, 200),
		CodePostal2:  field(idCodePostal2, "Code postal", f.CodePostal2, true, 5),
		Commune2:     field(idCommune2, "Commune", f.Commune2, true, 100),
		PeriodsError: errs.For(idPeriods),
	}
	// A one-line input takes address-line1 (street-address is for a
	// multi-line textarea); the commune is address-level2.
	p.Adresse.Autocomplete, p.CodePostal.Autocomplete, p.CodePostal.InputMode = "address-line1", "postal-code", "numeric"
	p.Adresse2.Autocomplete, p.CodePostal2.Autocomplete, p.CodePostal2.InputMode = "address-line1", "postal-code", "numeric"
	p.Commune.Autocomplete, p.Commune2.Autocomplete = "address-level2", "address-level2"
	// A secondary address field checks itself knowing the box is ticked.
	for _, fl := range []*components.Field{&p.Adresse2, &p.CodePostal2, &p.Commune2} {
		fl.ValidateInclude = "#" + idSecondary
	}
	kinds := []components.Option{{Value: "", Label: "Choisir…"}}
	for _, k := range KindLabels {
		kinds = append(kinds, components.Option{Value: k.Value, Label: k.Label})
	}
	for n, r := range f.Periods {
		p.Periods = append(p.Periods, periodRowProps(r, n+1, kinds, errs, submitted, r.Index == focus, action))
	}
	return p
}

func periodRowProps(r PeriodRow, number int, kinds []components.Option, errs components.Errors, submitted, focus bool, action string) components.PeriodRowProps {
	of := " (période " + strconv.Itoa(number) + ")"
	cell := func(part, label, value string, required bool, max int) components.Field {
		id := PeriodID(r.Index, part)
		return components.Field{ID: id, Name: id, Label: label + of, Value: value, Required: required, MaxLength: max,
			Error: errs.For(id), Valid: submitted && value != "", CellLabel: true, ValidateURL: FieldURL,
			// The birth date too: a period may not start before it.
			ValidateInclude: "#" + PeriodID(r.Index, partKind) + ", #" + PeriodID(r.Index, partStart) + ", #" + idNaissance}
	}
	row := components.PeriodRowProps{
		Index: r.Index, Number: number, Focus: focus,
		Kind:    cell(partKind, "Type de garde", r.Kind, true, 0),
		Start:   cell(partStart, "Date de début", r.Start, true, 10),
		End:     cell(partEnd, "Date de fin", r.End, r.Kind == KindDerogation || r.Kind == KindDepassement, 10),
		Hours:   cell(partHours, "Nombre d'heures par mois", r.Hours, r.Kind == KindDepassement, 3),
		Comment: cell(partComment, "Commentaire", r.Comment, false, 500),
	}
	// Changing the type re-renders the table (the hours field opens or closes).
	row.Kind.Options = kinds
	row.Kind.ValidateURL, row.Kind.ValidateInclude = "", ""
	row.Kind.Attrs = templ.Attributes{"hx-post": action, "hx-trigger": "change", "hx-target": "#periodes",
		"hx-swap": "outerHTML", "hx-vals": `{"action": "actualiser-periodes"}`}
	for _, fl := range []*components.Field{&row.Start, &row.End} {
		fl.InputMode, fl.Placeholder = "numeric", "jj/mm/aaaa"
		// The table's hint says the format once for every row.
		fl.DescribedBy = components.PeriodsHintID
	}
	row.Hours.InputMode = "numeric"
	if r.Kind != KindDepassement {
		row.Hours.Disabled, row.Hours.Value = true, ""
	}
	return row
}

// listProps builds the list's view model, with the capacity warning.
func listProps(l List, notice string) components.ChildrenListProps {
	rows := func(items []ListItem) []components.ChildRow {
		out := make([]components.ChildRow, len(items))
		for i, it := range items {
			out[i] = components.ChildRow{ID: it.ID, Nom: it.Nom, Prenom: it.Prenom, Naissance: it.Born.Format("02/01/2006")}
		}
		return out
	}
	p := components.ChildrenListProps{Current: rows(l.Current), History: rows(l.History), Notice: notice}
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
	addr := func(a Address) string { return a.Adresse + " " + a.CodePostal + " " + a.Commune }
	v := components.ChildView{
		ID: ch.ID, Nom: ch.Nom, Prenom: ch.Prenom, Naissance: ch.Born.Format("02/01/2006"),
		Adresse: addr(ch.Main), DeclaredOn: components.DateTime(ch.DeclaredAt), DeclaredLate: ch.DeclaredLate,
		Editable: Current(ch.Periods, today),
	}
	if ch.HasSecondary {
		v.Secondary = addr(ch.Secondary)
	}
	for n, g := range []Guardian{ch.G1, ch.G2} {
		v.Guardians = append(v.Guardians, components.GuardianView{Title: "Responsable légal n°" + strconv.Itoa(n+1),
			Civilite: g.Civilite, Nom: g.Nom, Prenom: g.Prenom, Email: g.Email, Phone: g.Phone})
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
