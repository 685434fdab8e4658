package messages

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
)

// Restore brings an archived message back to "Messages reçus", from the
// archived list (htmx: its row goes) or the message's page. Another
// childminder's personal message is a 404.
func (h *Handlers) Restore(c *fiber.Ctx) error {
	id, err := httpx.RouteID(c)
	if err != nil {
		return err
	}
	found, err := h.q.RestoreMessage(c.UserContext(), db.RestoreMessageParams{ID: id, AssmatID: session.CurrentUser(c).ID})
	if err != nil {
		return err
	}
	if found == 0 {
		return fiber.ErrNotFound
	}
	return rowDone(c, id, NoticeRestored, "Message restauré.", BoxTitle(true))
}
