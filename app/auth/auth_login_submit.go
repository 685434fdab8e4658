package auth

import (
	"errors"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// SubmitLogin checks the credentials and starts a session. Without JavaScript
// the "Afficher le mot de passe" button posts here too and gets the form back.
func (h *Handlers) SubmitLogin(c *fiber.Ctx) error {
	form := ParseLoginForm(c)
	props := components.LoginProps{Identifiant: form.Identifiant, ShowPassword: form.ShowPassword}
	if form.Action == actionTogglePassword {
		props.ShowPassword = !form.ShowPassword
		props.Password = form.Password
		return renderLogin(c, props, fiber.StatusOK)
	}
	if errs := form.Validate(); errs != nil {
		props.Errors = errs
		return renderLogin(c, props, fiber.StatusUnprocessableEntity)
	}
	account, err := h.q.GetAssmatByLogin(c.UserContext(), form.Identifiant)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	// Checked even for an unknown identifier: the answer takes the same time.
	if !credentials.CheckPassword(form.Password, account.PasswordHash) || err != nil {
		h.log.Info("login failed", "ip", c.IP())
		props.Errors = []string{msgBadCredentials}
		return renderLogin(c, props, fiber.StatusUnprocessableEntity)
	}
	if err := h.sessions.Login(c, account.ID); err != nil {
		return err
	}
	return httpx.Redirect(c, paths.Dashboard)
}
