package agentauth

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// ShowHome is the back office's home: the sections, no query (the session
// middleware loaded the agent).
func (h *Handlers) ShowHome(c *fiber.Ctx) error {
	a := backoffice.CurrentAgent(c)
	return backoffice.Render(c, httpx.View{
		Title: "Accueil",
		Page:  components.BackOfficeHomePage(components.BackOfficeHomeProps{FirstName: a.Prenom}),
	})
}
