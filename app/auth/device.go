package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/throttle"
)

// A trusted device is a browser where the childminder has signed in, or set
// her password through an emailed link. Anybody can lock an identifier by
// failing on purpose; the login attempts of a trusted device count on a
// counter of their own instead of the identifier's (OWASP's "device
// cookies"), so that such a lock never keeps the owner out of her own
// browser, even while the stranger keeps failing.
const (
	deviceCookie   = "extranet_appareil"
	deviceLifetime = 180 * 24 * time.Hour
)

// deviceToken is "<login>.<nonce>.<mac>", login and nonce in base64url: it
// proves the browser was trusted for that login, and names its counter.
func (h *Handlers) deviceToken(login, nonce string) string {
	l := base64.RawURLEncoding.EncodeToString([]byte(strings.ToLower(login)))
	return l + "." + nonce + "." + h.deviceMAC(l, nonce)
}

func (h *Handlers) deviceMAC(login, nonce string) string {
	mac := hmac.New(sha256.New, h.DeviceKey)
	mac.Write([]byte(login + "." + nonce))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// trustedDevice is the nonce of the request's device cookie when it is a
// valid one for login ("" otherwise: a forged, altered or other login's cookie).
func (h *Handlers) trustedDevice(c *fiber.Ctx, login string) string {
	parts := strings.Split(c.Cookies(deviceCookie), ".")
	if len(parts) != 3 || len(parts[1]) != 22 {
		return ""
	}
	want := base64.RawURLEncoding.EncodeToString([]byte(strings.ToLower(login)))
	if !hmac.Equal([]byte(parts[0]), []byte(want)) || !hmac.Equal([]byte(parts[2]), []byte(h.deviceMAC(parts[0], parts[1]))) {
		return ""
	}
	return parts[1]
}

// trustDevice marks the browser as trusted for login (keeping its cookie when
// it already is).
func (h *Handlers) trustDevice(c *fiber.Ctx, login string) {
	if h.trustedDevice(c, login) != "" {
		return
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b) // never fails (crypto/rand panics instead)
	c.Cookie(&fiber.Cookie{Name: deviceCookie, Value: h.deviceToken(login, base64.RawURLEncoding.EncodeToString(b)),
		Path: "/", HTTPOnly: true, Secure: h.SecureCookies, SameSite: fiber.CookieSameSiteLaxMode,
		MaxAge: int(deviceLifetime / time.Second), Expires: h.Now().Add(deviceLifetime)})
}

// loginKey is the counter of a login attempt for login: the device's own when
// the browser is trusted for it, the identifier's otherwise.
func (h *Handlers) loginKey(c *fiber.Ctx, login string) throttle.Key {
	if nonce := h.trustedDevice(c, login); nonce != "" {
		return throttle.DeviceKey(login, nonce)
	}
	return throttle.IdentifierKey(login)
}
