package auth

import (
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
)

// Limits of the login form: longer input is refused before any lookup.
const (
	maxIdentifiant = 32
	maxPassword    = 128
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

// ParseLoginForm reads the form; strings are copied (fiber reuses its buffers).
func ParseLoginForm(c *fiber.Ctx) LoginForm {
	return LoginForm{
		Identifiant:  strings.TrimSpace(strings.Clone(c.FormValue("identifiant"))),
		Password:     strings.Clone(c.FormValue("mot_de_passe")),
		ShowPassword: c.FormValue("mot_de_passe_visible") == "1",
		Action:       strings.Clone(c.FormValue("action")),
	}
}

// Validate returns the French errors of the form, none when it may be checked
// against the accounts. Over-long input gets the generic message: it cannot match.
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
	if utf8.RuneCountInString(f.Identifiant) > maxIdentifiant || utf8.RuneCountInString(f.Password) > maxPassword ||
		!utf8.ValidString(f.Identifiant) || !utf8.ValidString(f.Password) {
		return []string{msgBadCredentials}
	}
	return nil
}
