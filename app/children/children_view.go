package children

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// View shows everything about a child, read only.
func (h *Handlers) View(c *fiber.Ctx) error {
	ch, err := h.ownChild(c)
	if err != nil {
		return err
	}
	v := childView(ch, h.today())
	return httpx.Render(c, httpx.View{Title: ch.FirstName + " " + ch.LastName, Page: components.ChildViewPage(v)})
}
