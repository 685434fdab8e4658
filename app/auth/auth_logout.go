package auth

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components/paths"
)

// Logout ends the session (a POST: a prefetched link must not sign anyone out).
func (h *Handlers) Logout(c *fiber.Ctx) error {
	if err := h.sessions.Logout(c); err != nil {
		return err
	}
	httpx.SetFlash(c, FlashLoggedOut)
	return httpx.Redirect(c, paths.Login)
}
