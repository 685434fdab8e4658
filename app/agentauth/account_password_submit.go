package agentauth

import (
	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/throttle"
	"github.com/departement06/extranet-assmat/components/paths"
)

// SubmitAccountPassword changes the signed-in agent's password. The form is
// checked first, then the current password under its own counter (a stolen
// session cannot guess it without limit), then the new one is hashed and
// stored: every other session of the agent ends (password_changed_at), this
// one goes on under a new id.
func (h *Handlers) SubmitAccountPassword(c *fiber.Ctx) error {
	ctx := c.UserContext()
	a := backoffice.CurrentAgent(c)
	f := ParseAccountForm(c)
	v := accountView(a)
	v.Errors = f.Validate()
	status := fiber.StatusUnprocessableEntity
	if len(v.Errors) == 0 {
		msg, locked, err := h.checkCurrent(c, a, f.Current)
		if err != nil {
			return err
		}
		v.CurrentError = msg
		if locked {
			status = fiber.StatusTooManyRequests
		}
	}
	if len(v.Errors) > 0 || v.CurrentError != "" {
		return renderAccount(c, AccountProps(v), status)
	}
	hash, err := credentials.HashPassword(ctx, f.New)
	if err != nil {
		return err
	}
	now := h.Now()
	if err := pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		return storeHash(c, db.New(tx), a.ID, hash, now)
	}); err != nil {
		return err
	}
	// A new session, opened at the very time of the change: the older ones
	// (other browsers, a stolen cookie) end, this one does not.
	if err := h.Sessions.LoginAt(c, a.ID, now); err != nil {
		return err
	}
	httpx.SetNotice(c, NoticePasswordChanged)
	return httpx.Redirect(c, paths.BackOfficeAccount)
}

// checkCurrent checks the agent's current password under her own counter;
// msg is the message for the field ("" when right), locked when it is now
// suspended. (credentials.CheckCurrentPassword is the childminders'.)
func (h *Handlers) checkCurrent(c *fiber.Ctx, a *backoffice.Agent, password string) (msg string, locked bool, err error) {
	ctx := c.UserContext()
	out, err := h.throttle.Check(ctx, []throttle.Key{throttle.AgentCurrentPasswordKey(a.Login)}, nil, func() (bool, error) {
		hash, err := h.q.GetAgentPasswordHash(ctx, a.ID)
		if err != nil {
			return false, err
		}
		return credentials.CheckPassword(ctx, password, hash)
	})
	switch {
	case err != nil:
		return "", false, err
	case !out.Refused.IsZero():
		return throttle.Explain(out.Refused, h.Now()), true, nil
	case !out.LockedUntil.IsZero():
		return credentials.MsgCurrentWrong + " " + throttle.Explain(out.LockedUntil, h.Now()), true, nil
	case !out.OK:
		return credentials.MsgCurrentWrong, false, nil
	}
	return "", false, nil
}
