package auth

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// Messages of the login form. MsgBadCredentials never says which of the two
// was wrong; the gallery shows it as the handler does.
const (
	MsgBadCredentials  = "Identifiant ou mot de passe incorrect."
	msgMissingLogin    = "Veuillez saisir votre identifiant."
	msgMissingPassword = "Veuillez saisir votre mot de passe."
)

// LoginForm is what the "Connexion" form posts.
type LoginForm struct {
	Login        string
	Password     string
	ShowPassword bool
	Action       string
}

// ParseLoginForm reads the form; strings are copied (fiber reuses its buffers)
// and normalised like every form's.
func ParseLoginForm(c *fiber.Ctx) LoginForm {
	s := loginFields
	return LoginForm{
		Login:        s.Login.Read(c),
		Password:     s.Password.Read(c),
		ShowPassword: c.FormValue(s.Password.Name+components.PasswordShownSuffix) == components.PasswordShownValue,
		Action:       strings.Clone(c.FormValue(components.ActionName)),
	}
}

// Validate returns the errors of the form, none when it may be checked
// against the accounts: a missing field's message is tied to its input.
// Input that cannot match any account (over-long, a control character, a
// byte that is not UTF-8) gets the generic message, the form's, and never
// reaches the database, where a NUL byte would be an error.
func (f LoginForm) Validate() components.Errors {
	return form.CheckCredentials(loginFields.Login, loginFields.Password, f.Login, f.Password, MsgBadCredentials)
}

// LoginView says how the login form is shown besides what was typed.
type LoginView struct {
	Errors components.Errors
	Notice string
	// Locked: attempts are suspended; the page tells the owner how to lift it.
	Locked bool
	// KeepPassword shows the typed password again: only when the visitor
	// pressed "Afficher le mot de passe" without JavaScript, never after a
	// failed attempt.
	KeepPassword bool
}

// LoginProps builds the login page's view model from the table of its
// fields. The gallery builds its states with it too.
func LoginProps(f LoginForm, v LoginView) components.LoginProps {
	s := loginFields
	password := ""
	if v.KeepPassword {
		password = f.Password
	}
	return components.LoginProps{
		Login:        s.Login.Field(f.Login, v.Errors.For(s.Login.InputID())),
		Password:     s.Password.Field(password, v.Errors.For(s.Password.InputID())),
		ShowPassword: f.ShowPassword,
		Errors:       v.Errors,
		Notice:       v.Notice,
		Locked:       v.Locked,
	}
}
