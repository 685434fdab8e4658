package dashboard

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/profile"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
)

// Show renders the dashboard. The personal information is the childminder the
// session middleware already loaded: no query of its own.
func (h *Handlers) Show(c *fiber.Ctx) error {
	props := components.DashboardProps{Info: profile.PersonalInfo(session.CurrentUser(c))}
	return httpx.Render(c, httpx.View{Title: "Tableau de bord", Page: components.DashboardPage(props)})
}
