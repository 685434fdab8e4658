// Package form holds the parsing and checking helpers every form shares:
// copied, normalised values; the one character and length check of every text
// field (Check); French dates as typed or from a date input; email addresses.
package form

import (
	"net/mail"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Value is a form field copied (fiber reuses its buffers after the handler
// returns), normalised (see Normalize) and trimmed of surrounding spaces.
func Value(c *fiber.Ctx, name string) string {
	return strings.TrimSpace(Normalize(strings.Clone(c.FormValue(name))))
}

// Raw is a form field copied and normalised but otherwise as typed
// (passwords: spaces count).
func Raw(c *fiber.Ctx, name string) string {
	return Normalize(strings.Clone(c.FormValue(name)))
}

// ParseDate reads a date typed as jj/mm/aaaa (one-digit day and month, dots or
// dashes accepted) or sent by a date input (aaaa-mm-jj). It refuses impossible
// dates such as 31/02/2024.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 10 {
		return time.Time{}, false
	}
	layouts := []string{"2006-01-02", "02/01/2006", "2/1/2006", "02/1/2006", "2/01/2006"}
	norm := strings.NewReplacer(".", "/", "-", "/").Replace(s)
	for _, l := range layouts {
		in := norm
		if l == "2006-01-02" {
			in = s
		}
		if t, err := time.Parse(l, in); err == nil && t.Year() >= 1900 && t.Year() <= 2200 {
			return t, true
		}
	}
	return time.Time{}, false
}

// MaxEmail is the longest address accepted (RFC 5321).
const MaxEmail = 254

// ValidEmail is true for a bare address such as prenom.nom@exemple.fr: one
// @, a domain with a dot, no name part, no spaces, nothing invisible.
func ValidEmail(s string) bool {
	if s == "" || len(s) > MaxEmail || !Allowed(s, Name) || strings.ContainsAny(s, " <>\"(),;:\\[]") {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}
