package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/hostcookie"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/throttle"
)

// A trusted device is a browser where the childminder has signed in, or set
// her password through an emailed link. Anybody can lock an identifier by
// failing on purpose; the login attempts of a trusted device count on a
// counter of their own instead of the identifier's and the address's (OWASP's
// "device cookies"), so that such a lock never keeps the owner out of her own
// browser, even while the stranger keeps failing.
//
// A device is trusted for one login and one password: the cookie's MAC covers
// the time the password was last set, so every cookie dies when it changes
// (cookies made with a password someone else once knew give him nothing).
const (
	deviceCookie   = "extranet_appareil"
	deviceLifetime = 180 * 24 * time.Hour
)

// device is who a trusted-device cookie is for: a login, with the password
// set at passwordSetAt (nil: never set, a temporary one).
type device struct {
	login         string
	passwordSetAt *time.Time
}

// token is "<login>.<nonce>.<mac>", login in base64url.
func (h *Handlers) deviceToken(d device, nonce string) string {
	l := base64.RawURLEncoding.EncodeToString([]byte(d.login))
	return l + "." + nonce + "." + h.deviceMAC(d, nonce)
}

func (h *Handlers) deviceMAC(d device, nonce string) string {
	epoch := int64(0)
	if d.passwordSetAt != nil {
		epoch = d.passwordSetAt.UnixMicro()
	}
	mac := hmac.New(sha256.New, h.DeviceKey)
	mac.Write([]byte(d.login + "\x00" + nonce + "\x00" + strconv.FormatInt(epoch, 10)))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// trustedDevice is the nonce of the request's device cookie when it is a
// valid one for d ("" otherwise: forged, altered, another login's, or made
// before the password changed).
func (h *Handlers) trustedDevice(c *fiber.Ctx, d device) string {
	parts := strings.Split(h.deviceCookieValue(c), ".")
	if len(parts) != 3 || len(parts[1]) != 22 {
		return ""
	}
	want := base64.RawURLEncoding.EncodeToString([]byte(d.login))
	if !hmac.Equal([]byte(parts[0]), []byte(want)) || !hmac.Equal([]byte(parts[2]), []byte(h.deviceMAC(d, parts[1]))) {
		return ""
	}
	return parts[1]
}

// deviceCookieValue is the request's trusted-device cookie. Over HTTPS it
// goes by its __Host- name (app/hostcookie); one made before that name, under
// the plain one, still counts until the next sign-in replaces it, so that
// the rename forgets no owner's device (it is what keeps her account usable
// while a stranger locks her identifier). Its MAC binds it to one login and
// one password: a sibling site planting one under the plain name gains
// nothing it did not hold. The fallback can go once the 180-day cookies made
// before the rename have expired (June 2027).
func (h *Handlers) deviceCookieValue(c *fiber.Ctx) string {
	v := c.Cookies(hostcookie.Name(deviceCookie, h.SecureCookies))
	if v == "" && h.SecureCookies {
		v = c.Cookies(deviceCookie)
	}
	return v
}

// trustDevice marks the browser as trusted for d, under a new nonce: a fresh
// counter, whatever the previous cookie's counted. A cookie under the plain
// name, over HTTPS, is replaced by this one and expired.
func (h *Handlers) trustDevice(c *fiber.Ctx, d device) {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // never fails (crypto/rand panics instead)
	c.Cookie(&fiber.Cookie{Name: hostcookie.Name(deviceCookie, h.SecureCookies), Value: h.deviceToken(d, base64.RawURLEncoding.EncodeToString(b)),
		Path: "/", HTTPOnly: true, Secure: h.SecureCookies, SameSite: fiber.CookieSameSiteLaxMode,
		MaxAge: int(deviceLifetime / time.Second), Expires: h.Now().Add(deviceLifetime)})
	if h.SecureCookies && c.Cookies(deviceCookie) != "" {
		c.Cookie(&fiber.Cookie{Name: deviceCookie, Value: "", Path: "/", HTTPOnly: true, Secure: true,
			SameSite: fiber.CookieSameSiteLaxMode, Expires: time.Unix(1, 0), MaxAge: -1})
	}
}

// loginKeys are the counters of a login attempt: a trusted device's own, or
// else the identifier's and the client address's.
func (h *Handlers) loginKeys(c *fiber.Ctx, identifiant string, account *device) (reset, others []throttle.Key) {
	if account != nil {
		if nonce := h.trustedDevice(c, *account); nonce != "" {
			return []throttle.Key{throttle.DeviceKey(account.login, nonce)}, nil
		}
	}
	return []throttle.Key{throttle.IdentifierKey(identifiant)}, []throttle.Key{throttle.ClientKey(httpx.ClientIP(c))}
}
