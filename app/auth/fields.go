package auth

import (
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// The inputs of the login and first-connection forms, each defined once: its
// name, id, label, limit, autocomplete token and message serve the parsing
// (Parse…Form), the validation (Validate) and the view model (…Props). Adding
// a field is an entry here, its place in the template and a gallery fixture.

// Limits of the forms: longer input is refused before any lookup.
const (
	maxLogin    = 32
	maxPassword = credentials.MaxPasswordLength
	maxName     = 100
)

// loginField is the account's login, as the login and the link request ask it.
var loginField = form.Spec{Name: "identifiant", Label: "Identifiant", Chars: form.Name, Required: true, Max: maxLogin,
	Autocomplete: "username", Missing: msgMissingLogin}

// loginFields are the inputs of "Connexion". The password's type is set by
// its show/hide toggle.
var loginFields = struct{ Login, Password form.Spec }{
	Login: loginField,
	Password: form.Spec{Name: "mot_de_passe", ID: "mot-de-passe", Label: "Mot de passe", Chars: form.Secret, Type: "password",
		Required: true, Max: maxPassword, Autocomplete: "current-password", Missing: msgMissingPassword},
}

// birthDateExample is the date the birth date's hint and message show.
const birthDateExample = "02/02/1990"

// linkRequestFields are the inputs of "Première connexion ou mot de passe
// oublié". The identity is the childminder's own: her browser may fill it in.
var linkRequestFields = struct{ Login, LastName, FirstName, BirthDate, Email form.Spec }{
	Login: loginField,
	LastName: form.Spec{Name: "nom", Label: "Nom", Chars: form.Name, Required: true, Max: maxName,
		Autocomplete: "family-name", Missing: "Veuillez saisir votre nom."},
	FirstName: form.Spec{Name: "prenom", Label: "Prénom", Chars: form.Name, Required: true, Max: maxName,
		Autocomplete: "given-name", Missing: "Veuillez saisir votre prénom."},
	BirthDate: form.Spec{Name: "date_naissance", ID: "date-naissance", Label: "Date de naissance", Chars: form.Name, Required: true,
		Autocomplete: "bday", Missing: "Veuillez saisir votre date de naissance."}.AsDate(birthDateExample),
	Email: form.Spec{Name: "email", Label: "Adresse email", Type: "email", Chars: form.Name, Required: true, Max: form.MaxEmail,
		Autocomplete: "email", Missing: "Veuillez saisir votre adresse email."},
}

// passwordFields are the inputs of "Changement de mot de passe". Login and
// Current are shown only in the temporary-password flow: the login read-only
// (no limit, nothing to type), the current password asked. The messages are
// app/credentials' (CheckPasswordChange), shared with Mon compte.
var passwordFields = struct{ Login, Current, Password, Verification form.Spec }{
	Login: form.Spec{Name: loginField.Name, Label: loginField.Label, Autocomplete: loginField.Autocomplete},
	Current: form.Spec{Name: "mot_de_passe_actuel", ID: "mot-de-passe-actuel", Label: "Mot de passe actuel", Type: "password",
		Chars: form.Secret, Required: true, Max: maxPassword, Autocomplete: "current-password"},
	Password: form.Spec{Name: "mot_de_passe", ID: "mot-de-passe", Label: "Mot de passe", Type: "password",
		Chars: form.Secret, Required: true, Max: maxPassword, Autocomplete: "new-password", Hint: policyHint()},
	Verification: form.Spec{Name: "verification", Label: "Vérification du mot de passe", Type: "password",
		Chars: form.Secret, Required: true, Max: maxPassword, Autocomplete: "new-password"},
}

// policyHint is the policy under the new password, as a sentence.
func policyHint() string { return credentials.PolicyRule + "." }

// readOnly is the input of a value shown, not typed.
func readOnly(s form.Spec, value string) components.Field {
	f := s.Field(value, "")
	f.ReadOnly = true
	return f
}
