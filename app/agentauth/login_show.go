package agentauth

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// ShowLogin renders the agents' "Connexion"; a signed-in agent goes to the
// back office's home.
func (h *Handlers) ShowLogin(c *fiber.Ctx) error {
	if backoffice.CurrentAgent(c) != nil {
		return httpx.Redirect(c, paths.BackOffice)
	}
	return renderLogin(c, LoginProps(LoginForm{}, LoginView{Notice: httpx.TakeNotice(c)}), fiber.StatusOK)
}

func renderLogin(c *fiber.Ctx, p components.BackOfficeLoginProps, status int) error {
	return backoffice.Render(c, httpx.View{
		Title:    httpx.Title("Connexion des agents", p.Errors),
		Page:     components.BackOfficeLoginPage(p),
		Fragment: components.BackOfficeLoginCard(p),
		Status:   status,
	})
}
