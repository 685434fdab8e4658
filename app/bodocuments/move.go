package bodocuments

import (
	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/audit"
	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// MoveUp moves an entry one place up.
func (h *Handlers) MoveUp(c *fiber.Ctx) error { return h.move(c, true) }

// MoveDown moves an entry one place down.
func (h *Handlers) MoveDown(c *fiber.Ctx) error { return h.move(c, false) }

// move trades an entry's place with its neighbour's (nothing at either
// end), audited; the list's own htmx buttons (HX-Target: the list) get the
// list in place, anything else (no JavaScript) the list's page at the
// list's anchor.
func (h *Handlers) move(c *fiber.Ctx, up bool) error {
	d, err := h.document(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	agent := backoffice.CurrentAgent(c)
	err = pgx.BeginFunc(ctx, h.pool, func(tx pgx.Tx) error {
		n, err := db.New(tx).BOSwapDocument(ctx, db.BOSwapDocumentParams{ID: d.ID, Up: up})
		if err != nil || n == 0 {
			return err
		}
		way := "descendu"
		if up {
			way = "monté"
		}
		return audit.Record(ctx, tx, agent.ID, audit.DocumentChanged, audit.TargetDocument(d.ID),
			map[string]any{"titre": d.Title, "ordre": way})
	})
	if err != nil {
		return err
	}
	if httpx.IsHTMX(c) && c.Get("HX-Target") == components.BackOfficeDocumentsListID {
		return h.List(c)
	}
	return httpx.Redirect(c, paths.BackOfficeDocuments+"#"+components.BackOfficeDocumentsListID)
}
