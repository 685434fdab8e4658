package backoffice

import (
	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// Render answers a back-office view as httpx.Render answers a childminder's
// (the fragment to htmx, otherwise the full page; no-store, Vary), in the
// back office's layout, with the signed-in agent's menu, and its titles.
func Render(c *fiber.Ctx, v httpx.View) error {
	var agent *components.BackOfficeAgent
	if a := CurrentAgent(c); a != nil {
		agent = &components.BackOfficeAgent{MenuLabel: MenuLabel(a)}
	}
	return httpx.RenderIn(c, v, httpx.Shell{
		Layout: func(title string, page templ.Component) templ.Component {
			return components.BackOfficeLayout(title, agent, page)
		},
		FullTitle: components.BackOfficeFullTitle,
	})
}
