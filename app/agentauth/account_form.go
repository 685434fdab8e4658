package agentauth

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// AccountForm is what "Changer votre mot de passe" posts in the agent's Mon compte.
type AccountForm struct {
	Current, New, Confirmation string
}

// ParseAccountForm reads the form; passwords are taken as typed.
func ParseAccountForm(c *fiber.Ctx) AccountForm {
	s := accountFields
	return AccountForm{Current: s.Current.Read(c), New: s.New.Read(c), Confirmation: s.Confirmation.Read(c)}
}

// Validate checks the form without the database (see credentials.CheckPasswordChange).
func (f AccountForm) Validate() components.Errors {
	s := accountFields
	var errs components.Errors
	curErr, pwErr, confErr := credentials.CheckPasswordChange(f.Current, f.New, f.Confirmation)
	errs.Add(s.Current.InputID(), curErr)
	errs.Add(s.New.InputID(), pwErr)
	errs.Add(s.Confirmation.InputID(), confErr)
	return errs
}

// AccountView says how Mon compte is shown: whose it is, and the form's
// errors (the passwords typed are never shown again).
type AccountView struct {
	Name, Email string
	Errors      components.Errors
	// CurrentError is the account's verdict on the current password, asked
	// once the form is valid.
	CurrentError string
	Notice       string
}

// accountView is the view of the signed-in agent's page.
func accountView(a *backoffice.Agent) AccountView {
	return AccountView{Name: a.Prenom + " " + a.Nom, Email: a.Email}
}

// AccountProps builds Mon compte's view model from the table of its fields.
// The gallery builds its states with it too.
func AccountProps(v AccountView) components.BackOfficeAccountProps {
	s := accountFields
	errs := append(components.Errors(nil), v.Errors...)
	errs.Add(s.Current.InputID(), v.CurrentError)
	field := func(spec form.Spec) components.Field { return spec.Field("", errs.For(spec.InputID())) }
	return components.BackOfficeAccountProps{
		Name: v.Name, Email: v.Email,
		Current: field(s.Current), New: field(s.New), Confirmation: field(s.Confirmation),
		Policy: credentials.PolicyText, Errors: errs, Notice: v.Notice,
	}
}
