package auth

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// ShowLogin renders the "Connexion" page; a signed-in childminder goes to her dashboard.
func (h *Handlers) ShowLogin(c *fiber.Ctx) error {
	if session.CurrentUser(c) != nil {
		return httpx.Redirect(c, paths.Dashboard)
	}
	return renderLogin(c, LoginProps(LoginForm{}, LoginView{Notice: httpx.TakeNotice(c)}), fiber.StatusOK)
}

func renderLogin(c *fiber.Ctx, p components.LoginProps, status int) error {
	return httpx.Render(c, httpx.View{
		Title:    httpx.Title("Connexion", p.Errors),
		Page:     components.LoginPage(p),
		Fragment: components.LoginCard(p),
		Status:   status,
	})
}
