package boassmats

import (
	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/audit"
	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// ConfirmIdentifierOnly asks whether to make her account identifier-only.
func (h *Handlers) ConfirmIdentifierOnly(c *fiber.Ctx) error {
	a, err := h.confirmFor(c)
	if err != nil {
		return err
	}
	p := ConfirmIdentifierOnlyProps(a)
	return backoffice.Render(c, httpx.View{Title: p.Title, Page: components.BoAssmatConfirmPage(p)})
}

// MakeIdentifierOnly removes her password (she sets a new one through
// "Première connexion", SPEC §2.2): in one transaction with her row locked,
// the hash goes, every session opened before ends, every pending link dies,
// and the audit line is written. Then back to her page, which says so.
func (h *Handlers) MakeIdentifierOnly(c *fiber.Ctx) error {
	ctx := c.UserContext()
	login, ok := loginParam(c)
	if !ok {
		return fiber.ErrNotFound
	}
	agent := backoffice.CurrentAgent(c)
	now := h.Now()
	err := pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		q := db.New(tx)
		who, err := lock(ctx, q, login)
		if err != nil {
			return err
		}
		if err := q.BoClearPassword(ctx, db.BoClearPasswordParams{ID: who.ID, Now: now}); err != nil {
			return err
		}
		if err := q.KillAccountTokens(ctx, db.KillAccountTokensParams{AssmatID: who.ID, Now: now}); err != nil {
			return err
		}
		return audit.Record(ctx, tx, agent.ID, audit.IdentifierOnly, audit.TargetAssmat(who.Login),
			map[string]any{"etat_precedent": accountState(who.HasPassword, who.MustChangePassword).label})
	})
	if err != nil {
		return notFoundIfUnknown(err)
	}
	httpx.SetNotice(c, NoticeIdentifierOnly)
	return httpx.Redirect(c, components.BoAssmatPath(login))
}
