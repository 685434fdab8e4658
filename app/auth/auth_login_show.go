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
	notice := httpx.TakeNotice(c)
	if notice == "" {
		// The blank form, as most visitors get it: rendered once (httpx.Frozen).
		if sent, err := h.blankLogin.Send(c); sent {
			return err
		}
	}
	return renderLogin(c, LoginProps(LoginForm{}, LoginView{Notice: notice}), fiber.StatusOK)
}

// blankLoginPage is the login page before any input or notice.
func blankLoginPage() httpx.View {
	return loginView(LoginProps(LoginForm{}, LoginView{}), fiber.StatusOK)
}

func renderLogin(c *fiber.Ctx, p components.LoginProps, status int) error {
	return httpx.Render(c, loginView(p, status))
}

func loginView(p components.LoginProps, status int) httpx.View {
	return httpx.View{
		Title:    httpx.Title("Connexion", p.Errors),
		Page:     components.LoginPage(p),
		Fragment: components.LoginCard(p),
		Status:   status,
	}
}
