package account

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/components"
)

// PasswordForm is what "Changer votre mot de passe" posts.
type PasswordForm struct {
	Current, New, Confirmation string
}

// ParsePasswordForm reads the form; passwords are taken as typed (normalised).
func ParsePasswordForm(c *fiber.Ctx) PasswordForm {
	s := passwordFields
	return PasswordForm{Current: s.Current.Read(c), New: s.New.Read(c), Confirmation: s.Confirmation.Read(c)}
}

// Validate checks the form without the database (see credentials.CheckPasswordChange).
func (f PasswordForm) Validate() components.Errors {
	s := passwordFields
	var errs components.Errors
	curErr, pwErr, confErr := credentials.CheckPasswordChange(f.Current, f.New, f.Confirmation)
	errs.Add(s.Current.InputID(), curErr)
	errs.Add(s.New.InputID(), pwErr)
	errs.Add(s.Confirmation.InputID(), confErr)
	return errs
}
