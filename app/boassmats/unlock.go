package boassmats

import (
	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/audit"
	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/throttle"
	"github.com/departement06/extranet-assmat/components"
)

// ConfirmUnlock asks whether to lift the suspension of her sign-in.
func (h *Handlers) ConfirmUnlock(c *fiber.Ctx) error {
	a, err := h.confirmFor(c)
	if err != nil {
		return err
	}
	p := ConfirmUnlockProps(a)
	return backoffice.Render(c, httpx.View{Title: p.Title, Page: components.BoAssmatConfirmPage(p)})
}

// Unlock forgets every throttle counter of her account (throttle.AccountKeys:
// her identifier's, her current password's, her link requests'), so that she
// may sign in at once — the agent vouches for her, as a password set through
// an emailed link would. In one transaction with the audit line, which says
// until when she was locked.
func (h *Handlers) Unlock(c *fiber.Ctx) error {
	ctx := c.UserContext()
	login, ok := loginParam(c)
	if !ok {
		return fiber.ErrNotFound
	}
	agent := backoffice.CurrentAgent(c)
	err := pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		who, err := lock(ctx, db.New(tx), login)
		if err != nil {
			return err
		}
		th := h.throttle.WithTx(tx)
		keys := throttle.AccountKeys(who.Login)
		until, err := th.RetryAt(ctx, keys...)
		if err != nil {
			return err
		}
		if err := th.Clear(ctx, keys...); err != nil {
			return err
		}
		details := map[string]any{"bloque": !until.IsZero()}
		if !until.IsZero() {
			details["bloque_jusqu_a"] = until.UTC().Format("2006-01-02T15:04:05Z")
		}
		return audit.Record(ctx, tx, agent.ID, audit.AccountUnlocked, audit.TargetAssmat(who.Login), details)
	})
	if err != nil {
		return notFoundIfUnknown(err)
	}
	httpx.SetNotice(c, NoticeUnlocked)
	return httpx.Redirect(c, components.BoAssmatPath(login))
}
