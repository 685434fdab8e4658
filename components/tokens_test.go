package components

import (
	"regexp"
	"strings"
	"testing"
)

// Every colour pair the stylesheet draws reaches WCAG AA, computed from the
// design tokens as app.css defines them today.
func TestDesignTokenPairsReachWCAGContrast(t *testing.T) {
	tokens, err := Tokens()
	if err != nil {
		t.Fatal(err)
	}
	if len(tokens) < 20 {
		t.Fatalf("only %d tokens read from app.css", len(tokens))
	}
	for _, p := range ColorPairs {
		fg, ok1 := tokens[p.Foreground]
		bg, ok2 := tokens[p.Background]
		if !ok1 || !ok2 {
			t.Errorf("%s on %s: token missing from app.css", p.Foreground, p.Background)
			continue
		}
		ratio, err := Contrast(fg, bg)
		if err != nil {
			t.Errorf("%s on %s: %v", p.Foreground, p.Background, err)
			continue
		}
		t.Logf("%-22s %s on %-22s %s  %5.2f:1 (min %.1f) %s", p.Foreground, fg, p.Background, bg, ratio, p.Min, p.Use)
		if ratio < p.Min {
			t.Errorf("%s (%s) on %s (%s) = %.2f:1, below %.1f:1 (%s)", p.Foreground, fg, p.Background, bg, ratio, p.Min, p.Use)
		}
	}
}

// The focus ring's old colour measured 1.6:1 on white: the computation must
// say so (this keeps the test able to fail).
func TestContrastMatchesKnownRatios(t *testing.T) {
	for _, c := range []struct {
		a, b     string
		min, max float64
	}{{"#ffbf47", "#ffffff", 1.5, 1.7}, {"#000", "#fff", 20.9, 21.1}, {"#0b4f8a", "#ffffff", 8.2, 8.5}} {
		r, err := Contrast(c.a, c.b)
		if err != nil || r < c.min || r > c.max {
			t.Errorf("Contrast(%s, %s) = %.2f, %v; want %.1f–%.1f", c.a, c.b, r, err, c.min, c.max)
		}
	}
	if _, err := Contrast("rgb(0 0 0)", "#fff"); err == nil {
		t.Error("a non-hex colour was accepted")
	}
}

var colourLiteral = regexp.MustCompile(`#[0-9a-fA-F]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|\b(white|black|red|green|blue|yellow|orange|gray|grey|silver|navy)\b`)

// Below the token block no rule writes a colour of its own: each uses a token.
func TestNoColourLiteralBelowTheTokens(t *testing.T) {
	_, rules, err := Stylesheet()
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := Tokens()
	if err != nil {
		t.Fatal(err)
	}
	// Only declaration values: selectors may hold #ids.
	decl := regexp.MustCompile(`([a-z-]+)\s*:\s*([^;{}]+)`)
	comment := regexp.MustCompile(`(?s)/\*.*?\*/`)
	for _, m := range decl.FindAllStringSubmatch(comment.ReplaceAllString(rules, ""), -1) {
		// A rule may point a token at another one for its context (the
		// focus ring on the dark header), never define a new one.
		if strings.HasPrefix(m[1], "--") {
			if _, ok := tokens[m[1]]; !ok || !tokenRef.MatchString(strings.TrimSpace(m[2])) {
				t.Errorf("custom property %s: %s defined below the token block", m[1], m[2])
			}
		}
		value := regexp.MustCompile(`var\(--[a-z0-9-]+\)`).ReplaceAllString(m[2], "var()")
		if lit := colourLiteral.FindString(value); lit != "" {
			t.Errorf("%s: %s uses the colour %q instead of a token", m[1], strings.TrimSpace(m[2]), lit)
		}
	}
}
