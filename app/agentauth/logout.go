package agentauth

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components/paths"
)

// Logout ends the agent's session (a POST: a prefetched link signs nobody out).
func (h *Handlers) Logout(c *fiber.Ctx) error {
	if err := h.Sessions.Logout(c); err != nil {
		return err
	}
	httpx.SetNotice(c, NoticeLoggedOut)
	return httpx.Redirect(c, paths.BackOfficeLogin)
}
