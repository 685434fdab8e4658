package children

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
)

// List renders "Liste des enfants accueillis" and one page of "Historique"
// (one query). A page of the history that does not exist is a 404.
func (h *Handlers) List(c *fiber.Ctx) error {
	page, ok := httpx.Page(c.Query(components.HistoryPageName))
	if !ok {
		return fiber.ErrNotFound
	}
	l, err := loadList(c.UserContext(), h.q, session.CurrentUser(c).ID, h.today(), page)
	if err != nil {
		return err
	}
	if page > 1 && page > l.HistoryPages {
		return fiber.ErrNotFound
	}
	title := "Enfants accueillis"
	if page > 1 {
		title += " – historique, page " + strconv.Itoa(page)
	}
	return httpx.Render(c, httpx.View{Title: title, Page: components.ChildrenListPage(listProps(l, httpx.TakeNotice(c)))})
}
