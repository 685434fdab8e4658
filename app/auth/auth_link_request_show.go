package auth

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// ShowLinkRequest renders "Première connexion ou mot de passe oublié".
func (h *Handlers) ShowLinkRequest(c *fiber.Ctx) error {
	return renderLinkRequest(c, LinkRequestProps(LinkRequestForm{}, LinkRequestView{Notice: httpx.TakeNotice(c)}), fiber.StatusOK)
}

func renderLinkRequest(c *fiber.Ctx, p components.LinkRequestProps, status int) error {
	return httpx.Render(c, httpx.View{
		Title:    httpx.Title("Première connexion ou mot de passe oublié", p.Errors),
		Page:     components.LinkRequestPage(p),
		Fragment: components.LinkRequestCard(p),
		Status:   status,
	})
}
