package httpx

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// A flash is a one-time notice carried by a cookie to the page after a
// redirect ("Vous êtes déconnecté(e)."). Only a key travels; the page maps it
// to its French text, so nothing a visitor sets is ever shown as such.
const flashCookie = "flash"

// SetFlash leaves a notice for the next page.
func SetFlash(c *fiber.Ctx, key string) {
	c.Cookie(&fiber.Cookie{
		Name: flashCookie, Value: key, Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: c.Protocol() == "https", Expires: time.Now().Add(5 * time.Minute),
	})
}

// TakeFlash returns the notice left for this page and clears it.
func TakeFlash(c *fiber.Ctx) string {
	key := c.Cookies(flashCookie)
	if key == "" {
		return ""
	}
	c.Cookie(&fiber.Cookie{Name: flashCookie, Value: "", Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode, Expires: time.Unix(1, 0), MaxAge: -1})
	return string([]byte(key)) // fiber reuses the request's bytes: copy
}
