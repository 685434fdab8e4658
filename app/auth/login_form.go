package auth

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// Limits of the login form: longer input is refused before any lookup.
const (
	maxIdentifiant = 32
	maxPassword    = credentials.MaxPasswordLength
)

// Messages of the login form.
const (
	msgBadCredentials    = "Identifiant ou mot de passe incorrect."
	msgMissingLogin      = "Veuillez saisir votre identifiant."
	msgMissingPassword   = "Veuillez saisir votre mot de passe."
	actionTogglePassword = "afficher"
)

// LoginForm is what the "Connexion" form posts.
type LoginForm struct {
	Identifiant  string
	Password     string
	ShowPassword bool
	Action       string
}

// ParseLoginForm reads the form; strings are copied (fiber reuses its buffers)
// and normalised like every form's.
func ParseLoginForm(c *fiber.Ctx) LoginForm {
	return LoginForm{
		Identifiant:  form.Value(c, "identifiant"),
		Password:     form.Raw(c, "mot_de_passe"),
		ShowPassword: c.FormValue("mot_de_passe_visible") == "1",
		Action:       strings.Clone(c.FormValue("action")),
	}
}

// Validate returns the French errors of the form, none when it may be checked
// against the accounts. Input that cannot match any account (over-long, a
// control character, a byte that is not UTF-8) gets the generic message and
// never reaches the database, where a NUL byte would be an error.
func (f LoginForm) Validate() []string {
	var errs []string
	if f.Identifiant == "" {
		errs = append(errs, msgMissingLogin)
	}
	if f.Password == "" {
		errs = append(errs, msgMissingPassword)
	}
	if errs != nil {
		return errs
	}
	if form.Check(f.Identifiant, form.Name, maxIdentifiant) != "" || form.Check(f.Password, form.Secret, maxPassword) != "" {
		return []string{msgBadCredentials}
	}
	return nil
}

// fieldOf ties each message of Validate to its input, so that the summary
// links to it and the input is marked invalid; the generic message stays the
// form's (it must not say which of the two was wrong).
func fieldOf(msg string) string {
	switch msg {
	case msgMissingLogin:
		return "identifiant"
	case msgMissingPassword:
		return "mot-de-passe"
	}
	return ""
}

// loginErrors are Validate's messages, tied to their inputs.
func loginErrors(msgs []string) components.Errors {
	var errs components.Errors
	for _, m := range msgs {
		errs.Add(fieldOf(m), m)
	}
	return errs
}
