package documents

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// List renders "Documents utiles" (one query, without the files' bytes).
func (h *Handlers) List(c *fiber.Ctx) error {
	list, err := load(c.UserContext(), h.q)
	if err != nil {
		return err
	}
	return httpx.Render(c, httpx.View{Title: "Documents utiles", Page: components.DocumentsPage(Props(list))})
}
