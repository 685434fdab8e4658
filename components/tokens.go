package components

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/departement06/extranet-assmat/static"
)

// The design tokens are the custom properties at the top of static/css/app.css,
// before TokensEnd. These helpers read them so that a test (and the designers'
// gallery) can compute the contrast of each pair the CSS puts together.

// TokensEnd is the comment that closes the token block of app.css.
const TokensEnd = "/* End of the design tokens. */"

// ColorPair is a foreground colour the CSS draws on a background, with the
// contrast ratio WCAG 2.1 AA asks for it: 4.5 for text, 3 for the focus ring
// and the borders of inputs (non-text contrast).
type ColorPair struct {
	Foreground, Background string // token names, e.g. "--color-text"
	Min                    float64
	Use                    string // where the pair appears, in English
}

const (
	textAA    = 4.5
	nonTextAA = 3
)

// ColorPairs lists every foreground/background pair the stylesheet uses.
var ColorPairs = []ColorPair{
	{"--color-text", "--color-page", textAA, "body text on the page"},
	{"--color-text", "--color-surface", textAA, "text in cards, tables, inputs"},
	{"--color-text", "--color-primary-light", textAA, "info box, table headers, hovered menu entry"},
	{"--color-text", "--color-disabled-bg", textAA, "disabled input"},
	{"--color-text-muted", "--color-surface", textAA, "hints, footer"},
	{"--color-text-muted", "--color-page", textAA, "read-only input, footer"},
	{"--color-text-muted", "--color-primary-light", textAA, "hint inside the info box"},
	{"--color-primary", "--color-surface", textAA, "links, card titles, secondary buttons"},
	{"--color-primary", "--color-page", textAA, "links on the page"},
	{"--color-primary", "--color-primary-light", textAA, "link in the info box"},
	{"--color-primary-dark", "--color-surface", textAA, "hovered link"},
	{"--color-on-primary", "--color-primary", textAA, "header, primary button"},
	{"--color-on-primary", "--color-primary-dark", textAA, "menu bar, hovered primary button"},
	{"--color-on-primary", "--color-success", textAA, "VALIDER"},
	{"--color-on-primary", "--color-error", textAA, "danger button"},
	{"--color-on-primary", "--color-error-dark", textAA, "hovered danger button"},
	{"--color-error", "--color-surface", textAA, "inline error, required star"},
	{"--color-error", "--color-error-light", textAA, "error summary"},
	{"--color-success", "--color-surface", textAA, "valid field tick"},
	{"--color-notice-text", "--color-notice-bg", textAA, "confirmation notice"},
	{"--color-warning-text", "--color-warning-bg", textAA, "warning box"},

	{"--color-input-border", "--color-surface", nonTextAA, "input border in a card"},
	{"--color-input-border", "--color-page", nonTextAA, "input border on the page"},
	{"--color-error", "--color-surface", nonTextAA, "border of an input in error"},
	{"--color-success", "--color-surface", nonTextAA, "border of a valid input"},
	{"--color-primary", "--color-surface", nonTextAA, "secondary button border"},

	// The focus ring: its outline on every background it can sit on, and its
	// halo on the coloured buttons it surrounds.
	{"--focus-outer", "--color-page", nonTextAA, "focus ring on the page"},
	{"--focus-outer", "--color-surface", nonTextAA, "focus ring in a card"},
	{"--focus-outer", "--color-primary-light", nonTextAA, "focus ring in the info box"},
	{"--focus-outer", "--color-error-light", nonTextAA, "focus ring in the error summary"},
	{"--focus-outer", "--color-notice-bg", nonTextAA, "focus ring in a notice"},
	{"--focus-outer", "--color-warning-bg", nonTextAA, "focus ring in a warning box"},
	{"--focus-outer", "--color-disabled-bg", nonTextAA, "focus ring next to a disabled input"},
	{"--focus-inner", "--color-primary", nonTextAA, "focus halo on a primary button"},
	{"--focus-inner", "--color-primary-dark", nonTextAA, "focus halo on a hovered primary button"},
	{"--focus-inner", "--color-success", nonTextAA, "focus halo on VALIDER"},
	{"--focus-inner", "--color-error", nonTextAA, "focus halo on a danger button"},
	{"--color-yellow-400", "--color-primary", nonTextAA, "focus ring on the header"},
	{"--color-yellow-400", "--color-primary-dark", nonTextAA, "focus ring in the menu bar"},
}

var (
	tokenDecl = regexp.MustCompile(`(?m)^\s*(--[a-z0-9-]+)\s*:\s*([^;]+);`)
	tokenRef  = regexp.MustCompile(`^var\((--[a-z0-9-]+)\)$`)
)

// Stylesheet is app.css split at TokensEnd: the token block and the rules.
func Stylesheet() (tokens, rules string, err error) {
	b, err := static.FS.ReadFile("css/app.css")
	if err != nil {
		return "", "", err
	}
	css := string(b)
	i := strings.Index(css, TokensEnd)
	if i < 0 {
		return "", "", fmt.Errorf("app.css has no %q", TokensEnd)
	}
	return css[:i], css[i+len(TokensEnd):], nil
}

// Tokens are the custom properties of the token block, each resolved through
// its var() references to a literal value.
func Tokens() (map[string]string, error) {
	block, _, err := Stylesheet()
	if err != nil {
		return nil, err
	}
	raw := map[string]string{}
	for _, m := range tokenDecl.FindAllStringSubmatch(block, -1) {
		raw[m[1]] = strings.TrimSpace(m[2])
	}
	out := map[string]string{}
	for name := range raw {
		v := raw[name]
		for hops := 0; ; hops++ {
			m := tokenRef.FindStringSubmatch(v)
			if m == nil {
				break
			}
			next, ok := raw[m[1]]
			if !ok || hops > 10 {
				return nil, fmt.Errorf("%s refers to %s, which is not a token", name, m[1])
			}
			v = next
		}
		out[name] = v
	}
	return out, nil
}

// Contrast is the WCAG contrast ratio of two #rgb or #rrggbb colours.
func Contrast(a, b string) (float64, error) {
	la, err := luminance(a)
	if err != nil {
		return 0, err
	}
	lb, err := luminance(b)
	if err != nil {
		return 0, err
	}
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05), nil
}

func luminance(hex string) (float64, error) {
	h := strings.TrimPrefix(hex, "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 || !strings.HasPrefix(hex, "#") {
		return 0, fmt.Errorf("%q is not a #rrggbb colour", hex)
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return 0, fmt.Errorf("%q is not a #rrggbb colour", hex)
	}
	ch := func(v uint64) float64 {
		c := float64(v) / 255
		if c <= 0.03928 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(n>>16&0xff) + 0.7152*ch(n>>8&0xff) + 0.0722*ch(n&0xff), nil
}
