package gallery

import (
	"strconv"

	"github.com/a-h/templ"

	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// childInput is the child form as typed, like app/children.ChildForm.
type childInput struct {
	Nom, Prenom, Naissance          string
	G1, G2                          guardianInput
	Adresse, CodePostal, Commune    string
	HasSecondary                    bool
	Adresse2, CodePostal2, Commune2 string
	Periods                         []periodInput
	Version                         string
}

type guardianInput struct{ Civilite, Nom, Prenom, Email, Phone string }

type periodInput struct {
	Index                            int
	Kind, Start, End, Hours, Comment string
}

// The period kinds and their labels, as app/children names them.
const (
	kindStandard    = "standard"
	kindDerogation  = "derogation"
	kindDepassement = "depassement"
)

var kindOptions = []components.Option{
	{Value: "", Label: "Choisir…"},
	{Value: kindStandard, Label: "Garde standard"},
	{Value: kindDerogation, Label: "Dérogation exceptionnelle (55J/an)"},
	{Value: kindDepassement, Label: "Dépassement exceptionnel (50H/mois)"},
}

const (
	childFieldURL = paths.Children + "/champ"
	newChildPath  = paths.Children + "/nouveau"
)

func periodID(index int, part string) string { return "periode-" + strconv.Itoa(index) + "-" + part }
func guardianID(n int, part string) string   { return "g" + strconv.Itoa(n) + "-" + part }

// childFormProps fills the form's view model as app/children's formProps
// does (same ids, names, labels, limits and htmx attributes), so that a state
// looks exactly like the page. submitted marks the fields that passed after
// a failed submission; focus is the row htmx just added (-1: none).
//
// When the child form gets one table of its fields (issue 8 item 5), this
// builder should read that table instead of repeating it.
func childFormProps(f childInput, action string, errs components.Errors, submitted bool, focus int) components.ChildFormProps {
	field := func(id, label, value string, required bool, max int) components.Field {
		return components.Field{ID: id, Name: id, Label: label, Value: value, Required: required, MaxLength: max,
			Error: errs.For(id), Valid: submitted && value != "", ValidateURL: childFieldURL}
	}
	date := func(fl components.Field) components.Field {
		fl.InputMode, fl.Placeholder, fl.MaxLength = "numeric", "jj/mm/aaaa", 10
		fl.Hint = "Au format jj/mm/aaaa, par exemple 15/03/2024."
		return fl
	}
	civilites := []components.Option{{Value: "", Label: "—"}, {Value: "Madame", Label: "Madame"}, {Value: "Monsieur", Label: "Monsieur"}}
	guardian := func(n int, g guardianInput) components.GuardianFields {
		num := strconv.Itoa(n)
		gf := components.GuardianFields{
			Legend:   "Responsable légal n°" + num,
			Civilite: field(guardianID(n, "civilite"), "Civilité du responsable légal "+num, g.Civilite, false, 0),
			Nom:      field(guardianID(n, "nom"), "Nom du responsable légal n°"+num, g.Nom, false, 100),
			Prenom:   field(guardianID(n, "prenom"), "Prénom du responsable légal n°"+num, g.Prenom, false, 100),
			Email:    field(guardianID(n, "email"), "Adresse courriel du responsable légal n°"+num, g.Email, false, 254),
			Phone:    field(guardianID(n, "telephone"), "N° de téléphone du responsable légal "+num, g.Phone, false, 25),
		}
		gf.Civilite.Options = civilites
		// No autocomplete token: the guardians are third parties.
		gf.Email.Type = "email"
		gf.Phone.Type, gf.Phone.Hint = "tel", "Par exemple 06 12 34 56 78."
		return gf
	}
	p := components.ChildFormProps{
		Action:       action,
		Version:      f.Version,
		Errors:       errs,
		Nom:          field("nom", "Nom de l'enfant", f.Nom, true, 100),
		Prenom:       field("prenom", "Prénom de l'enfant", f.Prenom, true, 100),
		Naissance:    date(field("date-naissance", "Date de naissance de l'enfant", f.Naissance, true, 10)),
		Guardians:    []components.GuardianFields{guardian(1, f.G1), guardian(2, f.G2)},
		Adresse:      field("adresse", "Adresse principale", f.Adresse, true, 200),
		CodePostal:   field("code-postal", "Code postal", f.CodePostal, true, 5),
		Commune:      field("commune", "Commune", f.Commune, true, 100),
		HasSecondary: f.HasSecondary,
		Adresse2:     field("adresse2", "Adresse secondaire", f.Adresse2, true, 200),
		CodePostal2:  field("code-postal2", "Code postal", f.CodePostal2, true, 5),
		Commune2:     field("commune2", "Commune", f.Commune2, true, 100),
		PeriodsError: errs.For("periodes"),
	}
	p.Adresse.Autocomplete, p.CodePostal.Autocomplete, p.CodePostal.InputMode = "address-line1", "postal-code", "numeric"
	p.Adresse2.Autocomplete, p.CodePostal2.Autocomplete, p.CodePostal2.InputMode = "address-line1", "postal-code", "numeric"
	p.Commune.Autocomplete, p.Commune2.Autocomplete = "address-level2", "address-level2"
	for _, fl := range []*components.Field{&p.Adresse2, &p.CodePostal2, &p.Commune2} {
		fl.ValidateInclude = "#adresse-secondaire-differente"
	}
	for n, r := range f.Periods {
		p.Periods = append(p.Periods, periodRowProps(r, n+1, errs, submitted, r.Index == focus, action))
	}
	return p
}

func periodRowProps(r periodInput, number int, errs components.Errors, submitted, focus bool, action string) components.PeriodRowProps {
	of := " (période " + strconv.Itoa(number) + ")"
	cell := func(part, label, value string, required bool, max int) components.Field {
		id := periodID(r.Index, part)
		return components.Field{ID: id, Name: id, Label: label + of, Value: value, Required: required, MaxLength: max,
			Error: errs.For(id), Valid: submitted && value != "", CellLabel: true, ValidateURL: childFieldURL,
			ValidateInclude: "#" + periodID(r.Index, "type") + ", #" + periodID(r.Index, "debut") + ", #date-naissance"}
	}
	row := components.PeriodRowProps{
		Index: r.Index, Number: number, Focus: focus,
		Kind:    cell("type", "Type de garde", r.Kind, true, 0),
		Start:   cell("debut", "Date de début", r.Start, true, 10),
		End:     cell("fin", "Date de fin", r.End, r.Kind == kindDerogation || r.Kind == kindDepassement, 10),
		Hours:   cell("heures", "Nombre d'heures par mois", r.Hours, r.Kind == kindDepassement, 3),
		Comment: cell("commentaire", "Commentaire", r.Comment, false, 500),
	}
	row.Kind.Options = kindOptions
	row.Kind.ValidateURL, row.Kind.ValidateInclude = "", ""
	row.Kind.Attrs = templ.Attributes{"hx-post": action, "hx-trigger": "change", "hx-target": "#periodes",
		"hx-swap": "outerHTML", "hx-vals": `{"action": "actualiser-periodes"}`}
	for _, fl := range []*components.Field{&row.Start, &row.End} {
		fl.InputMode, fl.Placeholder = "numeric", "jj/mm/aaaa"
		fl.DescribedBy = components.PeriodsHintID
	}
	row.Hours.InputMode = "numeric"
	if r.Kind != kindDepassement {
		row.Hours.Disabled, row.Hours.Value = true, ""
	}
	return row
}

// required is the message of an empty required field, as app/children writes it.
func required(label string) string { return "\"" + label + "\" est un champ requis." }
