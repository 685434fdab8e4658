package messages

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
)

// Archive moves a message to "Messages archivés". From the list with htmx,
// its row goes (see rowDone); otherwise the visitor is sent back to the list
// view she came from. Another childminder's personal message is a 404.
func (h *Handlers) Archive(c *fiber.Ctx) error {
	id, err := httpx.RouteID(c)
	if err != nil {
		return err
	}
	found, err := h.q.ArchiveMessage(c.UserContext(), db.ArchiveMessageParams{ID: id, AssmatID: session.CurrentUser(c).ID, Now: h.now()})
	if err != nil {
		return err
	}
	if found == 0 {
		return fiber.ErrNotFound
	}
	return rowDone(c, id, NoticeArchived, "Message archivé.", BoxTitle(false))
}
