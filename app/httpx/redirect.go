package httpx

import "github.com/gofiber/fiber/v2"

// Redirect sends the browser to another page after an action: HX-Redirect for
// htmx (a 303 would be followed silently and swapped in), 303 otherwise.
func Redirect(c *fiber.Ctx, to string) error {
	c.Vary("HX-Request")
	if c.Get("HX-Request") == "true" {
		c.Set("HX-Redirect", to)
		return c.SendStatus(fiber.StatusNoContent)
	}
	return c.Redirect(to, fiber.StatusSeeOther)
}
