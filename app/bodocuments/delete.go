package bodocuments

import (
	"errors"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/audit"
	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// ConfirmDelete asks before deleting an entry.
func (h *Handlers) ConfirmDelete(c *fiber.Ctx) error {
	d, err := h.document(c)
	if err != nil {
		return err
	}
	return backoffice.Render(c, httpx.View{Title: "Supprimer un document", Page: components.BackOfficeDocumentDeletePage(
		components.BackOfficeDocumentDeleteProps{Title: d.Title, Action: components.BackOfficeDocumentPath(d.ID, components.DocumentDelete)})})
}

// Delete removes an entry, with its audit line; an unknown one is a 404.
func (h *Handlers) Delete(c *fiber.Ctx) error {
	id, err := httpx.RouteID(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	agent := backoffice.CurrentAgent(c)
	err = pgx.BeginFunc(ctx, h.pool, func(tx pgx.Tx) error {
		title, err := db.New(tx).BODeleteDocument(ctx, id)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, agent.ID, audit.DocumentDeleted, audit.TargetDocument(id), map[string]any{"titre": title})
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return fiber.ErrNotFound
	}
	if err != nil {
		return err
	}
	return httpx.Redirect(c, paths.BackOfficeDocuments+"?"+components.BackOfficeDocumentsDoneName+"=supprime")
}
