package children

import (
	"fmt"
	"strconv"

	"github.com/departement06/extranet-assmat/app/form"
)

// The inputs of "Ajouter ou modifier un enfant", each defined once: its
// name, label, limit and autocomplete token serve the parsing (ParseChildForm),
// the messages (Validate, FieldError) and the view model (FormProps). Adding a
// field is an entry here, its place in the template and a gallery fixture.

// Lengths of the text fields, in characters.
const (
	maxName     = 100
	maxStreet   = 200
	maxComment  = 500
	maxPostcode = 5
	maxPhone    = 25
	// maxHoursDigits: 744 hours is a whole month, day and night.
	maxHoursDigits = 3
)

var (
	childLastName  = form.Spec{Name: "nom", Label: "Nom de l'enfant", Chars: form.Name, Required: true, Max: maxName}
	childFirstName = form.Spec{Name: "prenom", Label: "Prénom de l'enfant", Chars: form.Name, Required: true, Max: maxName}
	childBirthDate = form.Spec{Name: "date-naissance", Label: "Date de naissance de l'enfant", Chars: form.Name, Required: true}.AsDate("15/03/2024")
)

// addressSpecs are the inputs of an address. Their visible labels ("Code
// postal") lean on the fieldset; messages and screen readers say which.
type addressSpecs struct{ Street, Postcode, Town form.Spec }

var (
	mainAddress = addressFields("", "principale")
	// The secondary address is read and checked only when its box is ticked.
	secondaryAddress = addressFields("2", "secondaire")
)

func addressFields(suffix, which string) addressSpecs {
	of := " de l'adresse " + which
	return addressSpecs{
		// A one-line input takes address-line1 (street-address is for a
		// multi-line textarea); the commune is address-level2.
		Street: form.Spec{Name: "adresse" + suffix, Label: "Adresse " + which, Chars: form.Name, Required: true,
			Max: maxStreet, Autocomplete: "address-line1"},
		Postcode: form.Spec{Name: "code-postal" + suffix, Label: "Code postal", LabelMore: of, Chars: form.Name, Required: true,
			Max: maxPostcode, Autocomplete: "postal-code", InputMode: "numeric"},
		Town: form.Spec{Name: "commune" + suffix, Label: "Commune", LabelMore: of, Chars: form.Name, Required: true,
			Max: maxName, Autocomplete: "address-level2"},
	}
}

// guardianSpecs are the inputs of one "responsable légal". They carry no
// autocomplete token: the guardians are third parties, and a token
// (family-name, email, tel…) has the browser fill in the childminder's own data.
type guardianSpecs struct{ Civility, LastName, FirstName, Email, Phone form.Spec }

// Civilities offered for a guardian.
var Civilities = []string{"Madame", "Monsieur"}

// GuardianID is the id of one input of a guardian: "g1-nom".
func GuardianID(n int, part string) string { return fmt.Sprintf("g%d-%s", n, part) }

func guardianFields(n int) guardianSpecs {
	num := strconv.Itoa(n)
	return guardianSpecs{
		Civility:  form.Spec{Name: GuardianID(n, "civilite"), Label: "Civilité du responsable légal " + num, Chars: form.Name},
		LastName:  form.Spec{Name: GuardianID(n, "nom"), Label: "Nom du responsable légal n°" + num, Chars: form.Name, Max: maxName},
		FirstName: form.Spec{Name: GuardianID(n, "prenom"), Label: "Prénom du responsable légal n°" + num, Chars: form.Name, Max: maxName},
		Email: form.Spec{Name: GuardianID(n, "email"), Label: "Adresse courriel du responsable légal n°" + num, Chars: form.Name,
			Max: form.MaxEmail, Type: "email"},
		Phone: form.Spec{Name: GuardianID(n, "telephone"), Label: "N° de téléphone du responsable légal " + num, Chars: form.Name,
			Max: maxPhone, Type: "tel", Hint: "Par exemple 06 12 34 56 78."},
	}
}

// periodSpecs are the inputs of one row of "Périodes d'accueil". Whether the
// end and the hours are required depends on the row's kind (see fieldError
// and periodRowProps).
type periodSpecs struct{ Kind, Start, End, Hours, Comment form.Spec }

// Parts of a period input's name: "periode-3-debut".
const (
	partKind    = "type"
	partStart   = "debut"
	partEnd     = "fin"
	partHours   = "heures"
	partComment = "commentaire"
)

// PeriodID is the id of one input of a period row: "periode-3-debut".
func PeriodID(index int, part string) string { return fmt.Sprintf("periode-%d-%s", index, part) }

func periodFields(index int) periodSpecs {
	// The table's hint says the date format once for every row.
	date := func(s form.Spec) form.Spec {
		s.InputMode, s.Placeholder, s.Max = "numeric", "jj/mm/aaaa", 10
		return s
	}
	return periodSpecs{
		Kind:    form.Spec{Name: PeriodID(index, partKind), Label: "Type de garde", Chars: form.Name, Required: true},
		Start:   date(form.Spec{Name: PeriodID(index, partStart), Label: "Date de début", Chars: form.Name, Required: true}),
		End:     date(form.Spec{Name: PeriodID(index, partEnd), Label: "Date de fin", Chars: form.Name}),
		Hours:   form.Spec{Name: PeriodID(index, partHours), Label: "Nombre d'heures par mois", Chars: form.Name, Max: maxHoursDigits, InputMode: "numeric"},
		Comment: form.Spec{Name: PeriodID(index, partComment), Label: "Commentaire", Chars: form.Text, Max: maxComment},
	}
}
