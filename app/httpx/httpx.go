// Package httpx holds the request helpers every handler shares: one render
// helper (fragment or full page), one redirect helper (HX-Redirect or 303),
// flash notices, and the per-request data the layout needs.
package httpx

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/components"
)

const localsRequest = "httpx.request"

// IsHTMX is true for a request that htmx made and whose answer it will swap
// into the page: not a boosted navigation, not a history restore.
func IsHTMX(c *fiber.Ctx) bool {
	return c.Get("HX-Request") == "true" &&
		c.Get("HX-Boosted") == "" &&
		c.Get("HX-History-Restore-Request") == ""
}

// Request is what the layout knows of the current request.
func Request(c *fiber.Ctx) components.Request {
	r, _ := c.Locals(localsRequest).(components.Request)
	r.Path = c.Path()
	return r
}

// SetCSRFToken records the token that forms of this request must post.
func SetCSRFToken(c *fiber.Ctx, token string) {
	r := Request(c)
	r.CSRFToken = token
	c.Locals(localsRequest, r)
}

// SetUser records the signed-in childminder for the layout's menu.
func SetUser(c *fiber.Ctx, u *components.User) {
	r := Request(c)
	r.User = u
	c.Locals(localsRequest, r)
}
