package agentauth

import (
	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// ShowAccount renders the agent's Mon compte: who she is, and the password
// form. No query: the session middleware loaded her.
func (h *Handlers) ShowAccount(c *fiber.Ctx) error {
	v := accountView(backoffice.CurrentAgent(c))
	v.Notice = httpx.TakeNotice(c)
	return renderAccount(c, AccountProps(v), fiber.StatusOK)
}

func renderAccount(c *fiber.Ctx, p components.BackOfficeAccountProps, status int) error {
	var fragment templ.Component = components.BackOfficePasswordSection(p)
	return backoffice.Render(c, httpx.View{
		Title:    httpx.Title("Mon compte", p.Errors),
		Page:     components.BackOfficeAccountPage(p),
		Fragment: fragment,
		Status:   status,
	})
}
