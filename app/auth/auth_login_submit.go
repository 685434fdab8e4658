package auth

import (
	"errors"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/app/throttle"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// SubmitLogin checks the credentials and starts a session. Without JavaScript
// the "Afficher le mot de passe" button posts here too and gets the form back.
func (h *Handlers) SubmitLogin(c *fiber.Ctx) error {
	ctx := c.UserContext()
	form := ParseLoginForm(c)
	if form.Action == components.ActionShowPassword {
		form.ShowPassword = !form.ShowPassword
		return renderLogin(c, LoginProps(form, LoginView{KeepPassword: true}), fiber.StatusOK)
	}
	if errs := form.Validate(); errs != nil {
		return renderLogin(c, LoginProps(form, LoginView{Errors: errs}), fiber.StatusUnprocessableEntity)
	}
	account, err := h.q.GetAssmatByLogin(ctx, form.Login)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	known := err == nil
	var trusted *device
	if known {
		trusted = &device{login: account.Login, passwordSetAt: account.PasswordChangedAt}
	}
	// The attempt is counted before the password is checked; while locked it
	// is not even checked: a guess costs a wait. A success resets only the
	// account's count (the identifier's, or its trusted device's): an attacker
	// must not reset his address's count by signing in to an account of his own.
	reset, others := h.loginKeys(c, form.Login, trusted)
	out, err := h.throttle.Check(ctx, reset, others, func() (bool, error) {
		// Checked even for an unknown identifier: the answer takes the same time.
		ok, err := credentials.CheckPassword(ctx, form.Password, account.PasswordHash)
		return ok && known, err
	})
	if err != nil {
		return err
	}
	if !out.OK {
		return h.renderLoginFailure(c, form, out)
	}
	if err := h.Sessions.LoginChecked(c, account.ID, *account.PasswordHash); errors.Is(err, session.ErrPasswordChanged) {
		// Changed while it was being checked: the password typed is no longer hers.
		return h.renderLoginFailure(c, form, throttle.Outcome{})
	} else if err != nil {
		return err
	}
	h.trustDevice(c, *trusted)
	if account.MustChangePassword {
		return httpx.Redirect(c, paths.PasswordChange)
	}
	return httpx.Redirect(c, paths.Dashboard)
}

// renderLoginFailure answers a refused or failed attempt: the generic error,
// and when attempts are now suspended, until when and how the owner lifts it.
func (h *Handlers) renderLoginFailure(c *fiber.Ctx, f LoginForm, out throttle.Outcome) error {
	var v LoginView
	switch {
	case !out.Refused.IsZero():
		v.Errors = components.FormErrors(throttle.Explain(out.Refused, h.Now()))
	case !out.LockedUntil.IsZero():
		h.Log.Info("login failed, attempts suspended", "ip", httpx.ClientIP(c))
		v.Errors = components.FormErrors(MsgBadCredentials, throttle.Explain(out.LockedUntil, h.Now()))
	default:
		h.Log.Info("login failed", "ip", httpx.ClientIP(c))
		v.Errors = components.FormErrors(MsgBadCredentials)
		return renderLogin(c, LoginProps(f, v), fiber.StatusUnprocessableEntity)
	}
	v.Locked = true
	return renderLogin(c, LoginProps(f, v), fiber.StatusTooManyRequests)
}
