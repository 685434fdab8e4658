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
	s := passwordFields
	return PasswordForm{
		Current:      s.Current.Read(c),
		Password:     s.Password.Read(c),
		Verification: s.Verification.Read(c),
	}
}

// Validate checks the new password against the policy and its verification,
// and, when askCurrent (the temporary-password change), the current one (see
// credentials.CheckPasswordChange).
func (f PasswordForm) Validate(askCurrent bool) components.Errors {
	s := passwordFields
	var errs components.Errors
	if !askCurrent {
		pwErr, verifErr := credentials.CheckNewPassword(f.Password, f.Verification)
		errs.Add(s.Password.InputID(), pwErr)
		errs.Add(s.Verification.InputID(), verifErr)
		return errs
	}
	curErr, pwErr, verifErr := credentials.CheckPasswordChange(f.Current, f.Password, f.Verification)
	errs.Add(s.Current.InputID(), curErr)
	errs.Add(s.Password.InputID(), pwErr)
	errs.Add(s.Verification.InputID(), verifErr)
	return errs
}

// PasswordView says how "Changement de mot de passe" is shown. The
// passwords typed are never shown again.
type PasswordView struct {
	// Action is where the form posts.
	Action string
	// Login is the account's, shown read-only in the temporary-password
	// flow, where the current password is asked; "" in the emailed link's.
	Login string
	// Errors are Validate's, or the form's own (a throttled submission).
	Errors components.Errors
	// CurrentError is the account's verdict on the current password
	// (credentials.CheckCurrentPassword), asked once the form is valid.
	CurrentError string
}

// PasswordChangeProps builds the form's view model from the table of its
// fields. The gallery builds its states with it too.
func PasswordChangeProps(v PasswordView) components.PasswordChangeProps {
	s := passwordFields
	errs := append(components.Errors(nil), v.Errors...)
	errs.Add(s.Current.InputID(), v.CurrentError)
	field := func(spec form.Spec) components.Field { return spec.Field("", errs.For(spec.InputID())) }
	p := components.PasswordChangeProps{
		Action:       v.Action,
		Password:     field(s.Password),
		Verification: field(s.Verification),
		Policy:       credentials.PolicyText,
		Errors:       errs,
	}
	if v.Login != "" {
		p.Login, p.Current = readOnly(s.Login, v.Login), field(s.Current)
	}
	return p
}
