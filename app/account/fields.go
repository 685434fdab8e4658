package account

import (
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/form"
)

// The inputs of Mon compte's two forms, each defined once: its name, id,
// label, limit, autocomplete token and message serve the parsing (Parse…),
// the validation (Validate…) and the view model (PageProps). Their ids differ
// from the first-connection forms' ("mdp-…", "email-…"): both forms share
// one page.

const maxPassword = credentials.MaxPasswordLength

// passwordFields are the inputs of "Changer votre mot de passe". The
// messages are app/credentials' (CheckPasswordChange), shared with the
// temporary password's change.
var passwordFields = struct{ Current, New, Confirmation form.Spec }{
	Current: form.Spec{Name: "mot_de_passe_actuel", ID: "mdp-actuel", Label: "Mot de passe actuel", Type: "password",
		Chars: form.Secret, Required: true, Max: maxPassword, Autocomplete: "current-password"},
	New: form.Spec{Name: "nouveau_mot_de_passe", ID: "mdp-nouveau", Label: "Nouveau mot de passe", Type: "password",
		Chars: form.Secret, Required: true, Max: maxPassword, Autocomplete: "new-password"},
	Confirmation: form.Spec{Name: "confirmation", ID: "mdp-confirmation", Label: "Confirmation du mot de passe", Type: "password",
		Chars: form.Secret, Required: true, Max: maxPassword, Autocomplete: "new-password"},
}

// emailFields are the inputs of "Changer votre adresse email ?": the current
// address, shown read-only (nothing to type, never read), and the new one.
var emailFields = struct{ Current, New form.Spec }{
	Current: form.Spec{Name: "email_actuel", ID: "email-actuel", Label: "Adresse email actuelle", Type: "email"},
	New: form.Spec{Name: "nouvel_email", ID: "email-nouveau", Label: "Nouvelle adresse email", Type: "email", Chars: form.Name,
		Required: true, Max: form.MaxEmail, Autocomplete: "email", Missing: "Veuillez saisir la nouvelle adresse email."},
}
