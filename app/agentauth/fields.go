package agentauth

import (
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/form"
)

// The inputs of the back office's forms, each defined once: its name, id,
// label, limit, autocomplete token and message serve the parsing (Parse…),
// the validation (Validate) and the view model (…Props). The ids differ from
// the childminders' forms' ("agent-…"): a browser may hold both.

const maxPassword = credentials.MaxPasswordLength

// Messages of the sign-in form. MsgBadCredentials never says which of the two was wrong.
const (
	MsgBadCredentials  = "Adresse email ou mot de passe incorrect."
	msgMissingEmail    = "Veuillez saisir votre adresse email."
	msgMissingPassword = "Veuillez saisir votre mot de passe."
)

// loginFields are the inputs of "Connexion des agents". The email is the
// sign-in key: a password manager keeps it as the username.
var loginFields = struct{ Email, Password form.Spec }{
	Email: form.Spec{Name: "email", ID: "agent-email", Label: "Adresse email", Type: "email", Chars: form.Name, Required: true,
		Max: form.MaxEmail, Autocomplete: "username", Missing: msgMissingEmail},
	Password: form.Spec{Name: "mot_de_passe", ID: "agent-mot-de-passe", Label: "Mot de passe", Chars: form.Secret, Type: "password",
		Required: true, Max: maxPassword, Autocomplete: "current-password", Missing: msgMissingPassword},
}

// linkFields are the inputs of the page an agent's link opens. The messages
// are app/credentials' (CheckNewPassword).
var linkFields = struct{ Password, Verification form.Spec }{
	Password: form.Spec{Name: "mot_de_passe", ID: "agent-nouveau", Label: "Mot de passe", Type: "password",
		Chars: form.Secret, Required: true, Max: maxPassword, Autocomplete: "new-password", Hint: credentials.PolicyRule + "."},
	Verification: form.Spec{Name: "verification", ID: "agent-verification", Label: "Vérification du mot de passe", Type: "password",
		Chars: form.Secret, Required: true, Max: maxPassword, Autocomplete: "new-password"},
}

// accountFields are the inputs of "Changer votre mot de passe" in the agent's
// Mon compte. The messages are app/credentials' (CheckPasswordChange).
var accountFields = struct{ Current, New, Confirmation form.Spec }{
	Current: form.Spec{Name: "mot_de_passe_actuel", ID: "agent-mdp-actuel", Label: "Mot de passe actuel", Type: "password",
		Chars: form.Secret, Required: true, Max: maxPassword, Autocomplete: "current-password"},
	New: form.Spec{Name: "nouveau_mot_de_passe", ID: "agent-mdp-nouveau", Label: "Nouveau mot de passe", Type: "password",
		Chars: form.Secret, Required: true, Max: maxPassword, Autocomplete: "new-password", Hint: credentials.PolicyRule + "."},
	Confirmation: form.Spec{Name: "confirmation", ID: "agent-mdp-confirmation", Label: "Confirmation du mot de passe", Type: "password",
		Chars: form.Secret, Required: true, Max: maxPassword, Autocomplete: "new-password"},
}
