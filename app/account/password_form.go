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

// Validate checks the form without the database (see credentials.CheckPasswordChange).
func (f PasswordForm) Validate() components.Errors {
	var errs components.Errors
	curErr, pwErr, confErr := credentials.CheckPasswordChange(f.Current, f.New, f.Confirmation)
	errs.Add("mdp-actuel", curErr)
	errs.Add("mdp-nouveau", pwErr)
	errs.Add("mdp-confirmation", confErr)
	return errs
}
