package auth

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// PasswordForm is what "Changement de mot de passe" posts.
type PasswordForm struct {
	Current      string // only in the temporary-password flow
	Password     string
	Verification string
}

// ParsePasswordForm reads the form; passwords are taken as typed (normalised).
func ParsePasswordForm(c *fiber.Ctx) PasswordForm {
	return PasswordForm{
		Current:      form.Raw(c, "mot_de_passe_actuel"),
		Password:     form.Raw(c, "mot_de_passe"),
		Verification: form.Raw(c, "verification"),
	}
}

// Validate checks the new password against the policy and its verification,
// and, when askCurrent, that the current one was given and differs from the new one.
// A current password no password can be (a control character, over-long) is
// wrong without being hashed.
func (f PasswordForm) Validate(askCurrent bool) components.Errors {
	var errs components.Errors
	if askCurrent {
		switch {
		case f.Current == "":
			errs.Add("mot-de-passe-actuel", credentials.MsgCurrentMissing)
		case form.Check(f.Current, form.Secret, credentials.MaxPasswordLength) != "":
			errs.Add("mot-de-passe-actuel", credentials.MsgCurrentWrong)
		}
	}
	pwErr, verifErr := credentials.CheckNewPassword(f.Password, f.Verification)
	errs.Add("mot-de-passe", pwErr)
	errs.Add("verification", verifErr)
	if askCurrent && pwErr == "" && f.Current != "" && f.Current == f.Password {
		errs.Add("mot-de-passe", credentials.MsgSameAsCurrent)
	}
	return errs
}
