package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/hostcookie"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
)

// csrfCookie holds a random seed per browser. The token that forms post is an
// HMAC of that seed and of the signed-in session id with a server key: it costs
// no storage (no write per request), works for the anonymous login form, and
// dies when the session changes (login, logout).
const csrfCookie = "extranet_csrf"

type csrf struct {
	key    []byte
	secure bool
}

func (x csrf) token(seed, sessionID string) string {
	mac := hmac.New(sha256.New, x.key)
	mac.Write([]byte(seed))
	mac.Write([]byte{0})
	mac.Write([]byte(sessionID))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// middleware gives every request its token and refuses an unsafe method
// (POST, PUT, PATCH, DELETE) whose form field or header does not carry it.
func (x csrf) middleware(c *fiber.Ctx) error {
	name := hostcookie.Name(csrfCookie, x.secure)
	seed := c.Cookies(name)
	if len(seed) != 43 { // 32 random bytes, base64url
		b := make([]byte, 32)
		if _, err := rand.Read(b); err != nil {
			return err
		}
		seed = base64.RawURLEncoding.EncodeToString(b)
		c.Cookie(&fiber.Cookie{Name: name, Value: seed, Path: "/", HTTPOnly: true,
			Secure: x.secure, SameSite: fiber.CookieSameSiteLaxMode, SessionOnly: true})
	}
	expected := x.token(seed, session.ID(c))
	httpx.SetCSRFToken(c, expected)
	switch c.Method() {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions:
		return c.Next()
	}
	sent := c.Get("X-Csrf-Token")
	if sent == "" {
		sent = c.FormValue("_csrf")
	}
	if !hmac.Equal([]byte(sent), []byte(expected)) {
		if c.Get("HX-Request") == "true" {
			// htmx does not swap a 403: reload the page, which brings a fresh token.
			c.Set("HX-Refresh", "true")
		}
		return fiber.NewError(fiber.StatusForbidden, "csrf")
	}
	return c.Next()
}
