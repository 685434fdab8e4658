package agentauth

import (
	"errors"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/audit"
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/app/throttle"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// SubmitLogin checks an agent's credentials and starts her session, in the
// childminders' order: the cheap checks first (the form, then the account's
// lookup), the attempt reserved against the agent's and the address's
// counters before the password is hashed, and one generic error whatever
// was wrong. The sign-in is written to the audit log.
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
	agent, err := h.q.GetAgentByLogin(ctx, form.Email)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	known := err == nil
	// A success resets only the agent's count, never the address's (an
	// attacker must not reset it by signing in to an account of his own).
	reset := []throttle.Key{throttle.AgentKey(form.Email)}
	others := []throttle.Key{throttle.ClientKey(httpx.ClientIP(c))}
	out, err := h.throttle.Check(ctx, reset, others, func() (bool, error) {
		// Checked even for an unknown address: the answer takes the same time.
		ok, err := credentials.CheckPassword(ctx, form.Password, agent.PasswordHash)
		return ok && known, err
	})
	if err != nil {
		return err
	}
	if !out.OK {
		return h.renderLoginFailure(c, form, out)
	}
	if err := h.Sessions.LoginChecked(c, agent.ID, *agent.PasswordHash); errors.Is(err, session.ErrPasswordChanged) {
		// Changed while it was being checked: the password typed is no longer hers.
		return h.renderLoginFailure(c, form, throttle.Outcome{})
	} else if err != nil {
		return err
	}
	// Recorded once the session is open: a sign-in in the journal is one that gave a session.
	if err := audit.Record(ctx, h.Pool, agent.ID, audit.SignIn, audit.TargetAgent(agent.ID),
		map[string]any{"adresse_ip": httpx.ClientIP(c)}); err != nil {
		return err
	}
	return httpx.Redirect(c, paths.BackOffice)
}

// renderLoginFailure answers a refused or failed attempt: the generic error,
// and when attempts are now suspended, until when.
func (h *Handlers) renderLoginFailure(c *fiber.Ctx, f LoginForm, out throttle.Outcome) error {
	var v LoginView
	switch {
	case !out.Refused.IsZero():
		v.Errors = components.FormErrors(throttle.Explain(out.Refused, h.Now()))
	case !out.LockedUntil.IsZero():
		h.Log.Info("agent sign-in failed, attempts suspended", "ip", httpx.ClientIP(c))
		v.Errors = components.FormErrors(MsgBadCredentials, throttle.Explain(out.LockedUntil, h.Now()))
	default:
		h.Log.Info("agent sign-in failed", "ip", httpx.ClientIP(c))
		v.Errors = components.FormErrors(MsgBadCredentials)
		return renderLogin(c, LoginProps(f, v), fiber.StatusUnprocessableEntity)
	}
	v.Locked = true
	return renderLogin(c, LoginProps(f, v), fiber.StatusTooManyRequests)
}
