package backoffice

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components/paths"
)

// Require guards the back office's group: a signed-in agent goes on; a
// signed-in childminder gets a 404 (she does not even learn that the page
// exists); anyone else goes to the agents' sign-in, told why when her
// session ended.
func Require(c *fiber.Ctx) error {
	if CurrentAgent(c) != nil {
		return c.Next()
	}
	if session.CurrentUser(c) != nil {
		return fiber.ErrNotFound
	}
	if why := session.EndedOf(c, SessionCookie); why != "" {
		httpx.SetNotice(c, why)
	}
	return httpx.Redirect(c, paths.BackOfficeLogin)
}

// KeepAgentsOut stands before the childminders' signed-in area: a request
// with an agent's session and no childminder's gets a 404 there, plain and
// htmx, instead of the childminders' sign-in. (A browser holding both
// sessions is the childminder's on her pages and the agent's on hers.)
func KeepAgentsOut(c *fiber.Ctx) error {
	if CurrentAgent(c) != nil && session.CurrentUser(c) == nil {
		return fiber.ErrNotFound
	}
	return c.Next()
}

// NotFound closes the back office's group after its last route: any other
// path under /back-office is a 404 for an agent (and never reaches the
// childminders' area).
func NotFound(*fiber.Ctx) error { return fiber.ErrNotFound }
