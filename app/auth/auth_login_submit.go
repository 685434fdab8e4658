package auth

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/throttle"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// SubmitLogin checks the credentials and starts a session. Without JavaScript
// the "Afficher le mot de passe" button posts here too and gets the form back.
func (h *Handlers) SubmitLogin(c *fiber.Ctx) error {
	ctx := c.UserContext()
	form := ParseLoginForm(c)
	props := components.LoginProps{Identifiant: form.Identifiant, ShowPassword: form.ShowPassword}
	if form.Action == actionTogglePassword {
		props.ShowPassword = !form.ShowPassword
		props.Password = form.Password
		return renderLogin(c, props, fiber.StatusOK)
	}
	if errs := form.Validate(); errs != nil {
		props.Errors = components.FormErrors(errs...)
		return renderLogin(c, props, fiber.StatusUnprocessableEntity)
	}
	keys := []throttle.Key{
		{Name: "id:" + strings.ToLower(form.Identifiant), Limits: throttle.Identifier},
		{Name: "ip:" + c.IP(), Limits: throttle.Client},
	}
	// While locked, an attempt is not even checked: a guess costs a wait.
	if at, err := h.throttle.RetryAt(ctx, keys...); err != nil {
		return err
	} else if !at.IsZero() {
		props.Errors = components.FormErrors(throttle.Explain(at, h.Now()))
		return renderLogin(c, props, fiber.StatusTooManyRequests)
	}
	account, err := h.q.GetAssmatByLogin(ctx, form.Identifiant)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	// Checked even for an unknown identifier: the answer takes the same time.
	if !credentials.CheckPassword(form.Password, account.PasswordHash) || err != nil {
		h.Log.Info("login failed", "ip", c.IP())
		if err := h.throttle.Fail(ctx, keys...); err != nil {
			return err
		}
		props.Errors = components.FormErrors(msgBadCredentials)
		status := fiber.StatusUnprocessableEntity
		if at, err := h.throttle.RetryAt(ctx, keys...); err != nil {
			return err
		} else if !at.IsZero() {
			props.Errors = components.FormErrors(msgBadCredentials, throttle.Explain(at, h.Now()))
			status = fiber.StatusTooManyRequests
		}
		return renderLogin(c, props, status)
	}
	if err := h.throttle.Succeed(ctx, keys...); err != nil {
		return err
	}
	if err := h.Sessions.Login(c, account.ID); err != nil {
		return err
	}
	if account.MustChangePassword {
		return httpx.Redirect(c, paths.PasswordChange)
	}
	return httpx.Redirect(c, paths.Dashboard)
}
