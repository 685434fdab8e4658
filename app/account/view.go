package account

import (
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/components"
)

// PageView is what "Mon compte" shows besides the definitions of its inputs.
type PageView struct {
	Info components.PersonalInfo
	// CurrentEmail is the account's address, "" when it has none.
	CurrentEmail string
	// NewEmail is the new address as typed.
	NewEmail string
	// PasswordErrors are the password form's (PasswordForm.Validate).
	PasswordErrors components.Errors
	// CurrentPasswordError is the account's verdict on the current password
	// (credentials.CheckCurrentPassword), asked once the form is valid.
	CurrentPasswordError string
	// EmailError is the new address's (ValidateNewEmail's, or the throttle's).
	EmailError string
	Notice     string
}

// noEmail stands for the address of an account that has none.
const noEmail = "(aucune)"

// PageProps builds the page's view model from the tables of its two forms.
// The gallery builds its states with it too.
func PageProps(v PageView) components.AccountProps {
	pw, em := passwordFields, emailFields
	pwErrs := append(components.Errors(nil), v.PasswordErrors...)
	pwErrs.Add(pw.Current.InputID(), v.CurrentPasswordError)
	var emailErrs components.Errors
	emailErrs.Add(em.New.InputID(), v.EmailError)
	current := v.CurrentEmail
	if current == "" {
		current = noEmail
	}
	currentField := em.Current.Field(current, "")
	currentField.ReadOnly = true
	// The passwords typed are never shown again.
	return components.AccountProps{
		Info: v.Info,
		Password: components.AccountPasswordFields{
			Current:      pw.Current.Field("", pwErrs.For(pw.Current.InputID())),
			New:          pw.New.Field("", pwErrs.For(pw.New.InputID())),
			Confirmation: pw.Confirmation.Field("", pwErrs.For(pw.Confirmation.InputID())),
		},
		Email: components.AccountEmailFields{
			Current: currentField,
			New:     em.New.Field(v.NewEmail, emailErrs.For(em.New.InputID())),
		},
		Policy:         credentials.PolicyText,
		PasswordErrors: pwErrs,
		EmailErrors:    emailErrs,
		Notice:         v.Notice,
	}
}
