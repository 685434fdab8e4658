package agentauth

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// LoginForm is what "Connexion des agents" posts.
type LoginForm struct {
	Email        string
	Password     string
	ShowPassword bool
	Action       string
}

// ParseLoginForm reads the form; strings are copied (fiber reuses its buffers).
func ParseLoginForm(c *fiber.Ctx) LoginForm {
	s := loginFields
	return LoginForm{
		Email:        s.Email.Read(c),
		Password:     s.Password.Read(c),
		ShowPassword: c.FormValue(s.Password.Name+components.PasswordShownSuffix) == components.PasswordShownValue,
		Action:       strings.Clone(c.FormValue(components.ActionName)),
	}
}

// Validate returns the form's errors, none when it may be checked against
// the agents: a missing field's message is tied to its input; input that can
// match no agent (over-long, a control character) gets the generic message
// and never reaches the database.
func (f LoginForm) Validate() components.Errors {
	return form.CheckCredentials(loginFields.Email, loginFields.Password, f.Email, f.Password, MsgBadCredentials)
}

// LoginView says how the sign-in form is shown besides what was typed.
type LoginView struct {
	Errors components.Errors
	Notice string
	// Locked: attempts are suspended.
	Locked bool
	// KeepPassword shows the typed password again: only after "Afficher le
	// mot de passe" without JavaScript, never after a failed attempt.
	KeepPassword bool
}

// LoginProps builds the sign-in page's view model from the table of its
// fields. The gallery builds its states with it too.
func LoginProps(f LoginForm, v LoginView) components.BackOfficeLoginProps {
	s := loginFields
	password := ""
	if v.KeepPassword {
		password = f.Password
	}
	return components.BackOfficeLoginProps{
		Email:        s.Email.Field(f.Email, v.Errors.For(s.Email.InputID())),
		Password:     s.Password.Field(password, v.Errors.For(s.Password.InputID())),
		ShowPassword: f.ShowPassword,
		Errors:       v.Errors,
		Notice:       v.Notice,
		Locked:       v.Locked,
	}
}
