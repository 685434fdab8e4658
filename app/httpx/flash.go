package httpx

import (
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/hostcookie"
)

// A notice is a one-time message carried by a cookie to the page after a
// redirect ("Vous êtes déconnecté(e)."). Only its key travels; the text is
// looked up in the notices the features registered (WithNotices), so nothing
// a visitor sets is ever shown as such. Each feature owns its keys and French
// texts; httpx only carries them.
const flashCookie = "flash"

const localsSecure = "httpx.secure"

// SecureCookies marks every request of an app served over https (an https
// BASE_URL), so that the cookies set here carry Secure. The request's own
// scheme is not enough: behind a proxy that ends TLS, it arrives over http.
func SecureCookies(on bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if on {
			c.Locals(localsSecure, true)
		}
		return c.Next()
	}
}

func secure(c *fiber.Ctx) bool {
	return configuredSecure(c) || c.Protocol() == "https"
}

// configuredSecure: the app is configured for https. The notice's cookie
// name follows it alone, as the other cookies' names do: a request's
// scheme (X-Forwarded-Proto, which a client can send when no proxy is
// trusted) must not write it under one name and read it under another.
func configuredSecure(c *fiber.Ctx) bool {
	on, _ := c.Locals(localsSecure).(bool)
	return on
}

func flashName(c *fiber.Ctx) string { return hostcookie.Name(flashCookie, configuredSecure(c)) }

// SetNotice leaves a notice for the next page.
func SetNotice(c *fiber.Ctx, key string) {
	c.Cookie(&fiber.Cookie{
		Name: flashName(c), Value: key, Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: secure(c), Expires: time.Now().Add(5 * time.Minute),
	})
}

// TakeNotice returns the French text of the notice left for this page ("" when
// none, or when its key is registered by no feature) and clears it.
func TakeNotice(c *fiber.Ctx) string {
	name := flashName(c)
	key := c.Cookies(name)
	if key == "" {
		return ""
	}
	c.Cookie(&fiber.Cookie{Name: name, Value: "", Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: secure(c), Expires: time.Unix(1, 0), MaxAge: -1})
	if texts, ok := c.Locals(localsNotices).(map[string]string); ok {
		if text, ok := texts[key]; ok {
			return text
		}
	}
	return ""
}

const localsNotices = "httpx.notices"

// WithNotices registers the features' notices, key to French text, once at
// start-up: each feature hands over its own set (a plain map, so that a
// package that must not import httpx, like session, can own notices too).
// A key that two sets define is a programming error, caught at start-up
// rather than by a wrong message on a page: WithNotices panics.
func WithNotices(sets ...map[string]string) fiber.Handler {
	texts := map[string]string{}
	for _, set := range sets {
		for key, text := range set {
			if _, dup := texts[key]; dup {
				panic(fmt.Sprintf("httpx.WithNotices: notice key %q registered twice", key))
			}
			texts[key] = text
		}
	}
	return func(c *fiber.Ctx) error {
		c.Locals(localsNotices, texts)
		return c.Next()
	}
}
