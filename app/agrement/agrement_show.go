package agrement

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/paris"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
)

// Show renders "Mon agrément" (one query, nothing written).
func (h *Handlers) Show(c *fiber.Ctx) error {
	list, err := load(c.UserContext(), h.q, session.CurrentUser(c).ID)
	if err != nil {
		return err
	}
	return httpx.Render(c, httpx.View{Title: "Mon agrément", Page: components.AgrementPage(Props(list, paris.Today(h.now())))})
}
