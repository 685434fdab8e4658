package web

import (
	"context"
	"log/slog"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/utils"

	"github.com/departement06/extranet-assmat/app/ascii"
	"github.com/departement06/extranet-assmat/components/paths"
	"github.com/departement06/extranet-assmat/static"
)

// contentSecurityPolicy allows only our own scripts and styles: no inline
// script, no eval (htmx runs with allowEval false).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

func securityHeaders(https bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		h := &c.Response().Header
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		// same-origin, not no-referrer: a same-host Referer must survive for our own forms.
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if https {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		return c.Next()
	}
}

// requestID names each request for the logs and the reference shown on a
// 5xx page. It is always ours: fiber's requestid middleware repeats a client's
// X-Request-ID, which would let anyone forge the references of log lines.
func requestID(c *fiber.Ctx) error {
	id := utils.UUIDv4()
	c.Locals("requestid", id)
	c.Set(fiber.HeaderXRequestID, id)
	return c.Next()
}

// requestTimeout gives every handler a context that ends, for the database
// calls: d, or slowTransfer for the Genesis import, whose national file is
// checked and written in one transaction of about 9 s on a quiet machine
// (an outside review measured 8.98 and 9.22 s): under load, 10 s failed it
// with a 500, all rolled back.
func requestTimeout(d time.Duration) fiber.Handler {
	return func(c *fiber.Ctx) error {
		limit := d
		if importRoute(c.Request().Header.Method(), c.Request().URI().RequestURI()) {
			limit = slowTransfer
		}
		parent := c.UserContext()
		ctx, cancel := context.WithTimeout(parent, limit)
		defer cancel()
		// The error handler runs after this returns: give it back a live context.
		defer c.SetUserContext(parent)
		c.SetUserContext(ctx)
		return c.Next()
	}
}

// accessLog writes one structured line per request. The query string is left
// out, and the path goes through logPath: either may carry a one-time token.
func accessLog(log *slog.Logger) fiber.Handler {
	var staticHits atomic.Int64
	return func(c *fiber.Ctx) error {
		start := time.Now()
		err := c.Next()
		if err != nil {
			// Let the error handler write the answer now, so that the status logged is the real one.
			if herr := c.App().ErrorHandler(c, err); herr != nil {
				_ = c.SendStatus(fiber.StatusInternalServerError)
			}
		}
		// A successful static file is one line in staticSample: pages
		// fetch several, and the log would mostly list them.
		status := c.Response().StatusCode()
		sample := int64(1)
		if status < 400 && strings.HasPrefix(c.Path(), static.Prefix) {
			if staticHits.Add(1)%staticSample != 1 {
				return nil
			}
			sample = staticSample
		}
		rid, _ := c.Locals("requestid").(string)
		log.Info("request",
			"request_id", rid,
			"method", c.Method(),
			"path", logPath(c.Path()),
			"status", status,
			"duration_ms", float64(time.Since(start).Microseconds())/1000,
			"bytes", responseSize(c),
			"htmx", c.Get("HX-Request") == "true",
			"sample", sample,
		)
		return nil
	}
}

// staticSample: one successful static hit in staticSample is logged, with
// sample=staticSample so that counts can be scaled back.
const staticSample = 100

// tokenPrefixes start the paths of the emailed links, whose rest is a
// one-time token: whoever reads the logs must not be able to use it.
var tokenPrefixes = []string{paths.SetPassword, paths.ConfirmEmail}

// redacted replaces a token in a logged path.
const redacted = "[redacted]"

// logPath is a request path as the logs may show it: what follows a link
// prefix is replaced by [redacted]. Routes match whatever the letter case
// (fiber is case-insensitive), so the prefix is looked for in any case, and
// in the percent-decoded path too.
func logPath(path string) string {
	for _, p := range []string{path, unescaped(path)} {
		cut := -1
		for _, prefix := range tokenPrefixes {
			if i := ascii.IndexFold(p, prefix); i >= 0 && len(p) > i+len(prefix) && (cut < 0 || i+len(prefix) < cut) {
				cut = i + len(prefix)
			}
		}
		if cut >= 0 {
			return p[:cut] + redacted
		}
	}
	return path
}

func unescaped(path string) string {
	if u, err := url.PathUnescape(path); err == nil {
		return u
	}
	return path
}

// responseSize is the body's length, -1 for a streamed body (the declarations
// export): reading it would buffer it whole before a byte is sent.
func responseSize(c *fiber.Ctx) int {
	if c.Response().IsBodyStream() {
		return -1
	}
	return len(c.Response().Body())
}
