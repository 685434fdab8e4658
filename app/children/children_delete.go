package children

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// ConfirmDelete asks before deleting: a page without JavaScript, a modal
// dialog fragment with htmx.
func (h *Handlers) ConfirmDelete(c *fiber.Ctx) error {
	ch, err := h.ownChild(c)
	if err != nil {
		return err
	}
	if !Current(ch.Periods, h.today()) {
		return renderHistoryLocked(c, ch.ID)
	}
	name := ch.FirstName + " " + ch.LastName
	return httpx.Render(c, httpx.View{Title: "Supprimer la fiche de " + name,
		Page: components.ChildDeletePage(ch.ID, name), Fragment: components.ChildDeleteDialog(ch.ID, name)})
}

// Delete removes a current child and all its periods.
func (h *Handlers) Delete(c *fiber.Ctx) error {
	id, err := httpx.RouteID(c)
	if err != nil {
		return err
	}
	n, err := h.q.DeleteChild(c.UserContext(), db.DeleteChildParams{ID: id, AssmatID: session.CurrentUser(c).ID, Today: h.today()})
	if err != nil {
		return err
	}
	if n == 0 {
		// Not hers (404), or in the history (locked).
		ch, err := h.ownChild(c)
		if err != nil {
			return err
		}
		return renderHistoryLocked(c, ch.ID)
	}
	httpx.SetNotice(c, NoticeChildDeleted)
	return httpx.Redirect(c, paths.Children)
}
