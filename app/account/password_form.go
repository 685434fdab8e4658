package account

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// PasswordForm is what "Changer votre mot de passe" posts.
type PasswordForm struct {
	Current, New, Confirmation string
}

// ParsePasswordForm reads the form; passwords are taken as typed (normalised).
func ParsePasswordForm(c *fiber.Ctx) PasswordForm {
	return PasswordForm{Current: form.Raw(c, "mot_de_passe_actuel"), New: form.Raw(c, "nouveau_mot_de_passe"), Confirmation: form.Raw(c, "confirmation")}
}

// Validate checks the form without the database: presence, policy, confirmation.
// A current password no password can be (a control character, over-long) is
// wrong without being hashed; a new one with a control character is refused.
func (f PasswordForm) Validate() components.Errors {
	var errs components.Errors
	switch {
	case f.Current == "":
		errs.Add("mdp-actuel", credentials.MsgCurrentMissing)
	case form.Check(f.Current, form.Secret, credentials.MaxPasswordLength) != "":
		errs.Add("mdp-actuel", credentials.MsgCurrentWrong)
	}
	pwErr, confErr := credentials.CheckNewPassword(f.New, f.Confirmation)
	errs.Add("mdp-nouveau", pwErr)
	errs.Add("mdp-confirmation", confErr)
	if pwErr == "" && f.Current != "" && f.Current == f.New {
		errs.Add("mdp-nouveau", credentials.MsgSameAsCurrent)
	}
	return errs
}
