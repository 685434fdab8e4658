// Package pages serves the public pages that hold no data (accessibility statement).
package pages

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// Handlers serves the public pages, with what they say of the deployment.
type Handlers struct {
	Accessibility components.AccessibilityProps
}

// ShowAccessibility renders the accessibility statement.
func (h *Handlers) ShowAccessibility(c *fiber.Ctx) error {
	return httpx.Render(c, httpx.View{Title: "Déclaration d'accessibilité", Page: components.AccessibilityPage(h.Accessibility)})
}
