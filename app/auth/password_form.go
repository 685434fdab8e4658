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
// and, when askCurrent (the temporary-password change), the current one (see
// credentials.CheckPasswordChange).
func (f PasswordForm) Validate(askCurrent bool) components.Errors {
	var errs components.Errors
	if !askCurrent {
		pwErr, verifErr := credentials.CheckNewPassword(f.Password, f.Verification)
		errs.Add("mot-de-passe", pwErr)
		errs.Add("verification", verifErr)
		return errs
	}
	curErr, pwErr, verifErr := credentials.CheckPasswordChange(f.Current, f.Password, f.Verification)
	errs.Add("mot-de-passe-actuel", curErr)
	errs.Add("mot-de-passe", pwErr)
	errs.Add("verification", verifErr)
	return errs
}
