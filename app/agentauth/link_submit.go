package agentauth

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/throttle"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// SubmitSetPassword sets an agent's password through her link, in the
// childminders' order: the submission counted per address, the link looked
// up, the form checked, and only then the hash (64 MiB). The link is spent in
// the transaction that stores the password: used twice at once, one use wins.
// The password set proves the agent holds the link: her counters are lifted.
func (h *Handlers) SubmitSetPassword(c *fiber.Ctx) error {
	ctx := c.UserContext()
	token := strings.Clone(c.Params("token"))
	f := ParseLinkForm(c)
	r, err := h.throttle.Reserve(ctx, throttle.TokenClientKey(httpx.ClientIP(c)))
	if err != nil {
		return err
	}
	if !r.Allowed() {
		errs := components.FormErrors(throttle.Explain(r.RetryAt, h.Now()))
		return renderSetPassword(c, LinkProps(token, errs), fiber.StatusTooManyRequests)
	}
	link, ok, err := h.findLink(c, h.q, token)
	if err != nil {
		return err
	}
	if !ok {
		return renderLinkInvalid(c)
	}
	if errs := f.Validate(); len(errs) > 0 {
		return renderSetPassword(c, LinkProps(token, errs), fiber.StatusUnprocessableEntity)
	}
	hash, err := credentials.HashPassword(ctx, f.Password)
	if err != nil {
		return err
	}
	now := h.Now()
	var spent bool
	err = pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		q := db.New(tx)
		if _, err := q.LockAgent(ctx, link.AgentID); err != nil {
			return err
		}
		_, err := q.UseAgentToken(ctx, db.UseAgentTokenParams{TokenHash: credentials.HashToken(token), Now: now})
		if errors.Is(err, pgx.ErrNoRows) {
			return nil // spent meanwhile
		}
		if err != nil {
			return err
		}
		spent = true
		if err := storeHash(c, q, link.AgentID, hash, now); err != nil {
			return err
		}
		return h.throttle.WithTx(tx).Clear(ctx, throttle.AgentAccountKeys(link.Login)...)
	})
	if err != nil {
		return err
	}
	if !spent {
		return renderLinkInvalid(c)
	}
	// She signs in with her new password: no session opens from a link.
	if err := h.Sessions.Logout(c); err != nil {
		return err
	}
	httpx.SetNotice(c, NoticePasswordSet)
	return httpx.Redirect(c, paths.BackOfficeLogin)
}
