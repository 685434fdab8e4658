package boassmats

import (
	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/audit"
	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// ConfirmAccess asks whether to give (or renew) her access.
func (h *Handlers) ConfirmAccess(c *fiber.Ctx) error {
	a, err := h.confirmFor(c)
	if err != nil {
		return err
	}
	p := ConfirmAccessProps(a)
	return backoffice.Render(c, httpx.View{Title: p.Title, Page: components.BoAssmatConfirmPage(p)})
}

// GiveAccess gives her a new temporary password and answers the letter that
// carries it. The password exists only in this answer: its argon2id hash is
// stored (with must_change_password), never the password, and the answer is
// no-store; a reload does not show it again (a POST, answered directly: no
// redirect to a page that would hold it), and a second POST makes another
// one. In one transaction with her row locked: the hash, the end of every
// session opened before (password_changed_at), every pending link killed,
// the audit line. The hash is computed before, not while holding her row.
func (h *Handlers) GiveAccess(c *fiber.Ctx) error {
	ctx := c.UserContext()
	login, ok := loginParam(c)
	if !ok {
		return fiber.ErrNotFound
	}
	password := NewTemporaryPassword()
	hash, err := credentials.HashPassword(ctx, password)
	if err != nil {
		return err
	}
	agent := backoffice.CurrentAgent(c)
	now := h.Now()
	var who db.BoLockAssmatRow
	err = pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		q := db.New(tx)
		var err error
		if who, err = lock(ctx, q, login); err != nil {
			return err
		}
		if err := q.BoSetTemporaryPassword(ctx, db.BoSetTemporaryPasswordParams{ID: who.ID, PasswordHash: hash, Now: now}); err != nil {
			return err
		}
		if err := q.KillAccountTokens(ctx, db.KillAccountTokensParams{AssmatID: who.ID, Now: now}); err != nil {
			return err
		}
		action := audit.AccessGiven
		if who.HasPassword {
			action = audit.AccessRenewed
		}
		return audit.Record(ctx, tx, agent.ID, action, audit.TargetAssmat(who.Login),
			map[string]any{"etat_precedent": accountState(who.HasPassword, who.MustChangePassword).label})
	})
	if err != nil {
		return notFoundIfUnknown(err)
	}
	p := LetterProps(LetterView{Assmat: who, Password: password, BaseURL: h.BaseURL, Now: now})
	c.Set(fiber.HeaderPragma, "no-cache")
	return backoffice.Render(c, httpx.View{Title: "Courrier d'accès de " + fullName(who.Civilite, who.Prenom, who.Nom),
		Page: components.BoAssmatLetterPage(p)})
}
