package children

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
)

// List renders "Liste des enfants accueillis" and "Historique" (one query).
func (h *Handlers) List(c *fiber.Ctx) error {
	l, err := loadList(c.UserContext(), h.q, session.CurrentUser(c).ID, h.today())
	if err != nil {
		return err
	}
	return httpx.Render(c, httpx.View{Title: "Enfants accueillis", Page: components.ChildrenListPage(listProps(l, httpx.TakeNotice(c)))})
}
