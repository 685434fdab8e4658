package components

import (
	"fmt"
	"math"
	"regexp"
	"strings"
)

// The palette is what the designers' gallery shows of the design tokens:
// every colour token as a swatch, and every pair of ColorPairs with its
// contrast ratio. The contrast test (tokens_test.go) checks the same
// MeasuredPair values, so the page and the test cannot disagree.

// Swatch is one colour token.
type Swatch struct {
	Token string // "--color-text"
	Value string // the colour it resolves to, "#1f2328"
	Ref   string // the token it is written as, "--color-grey-900"; "" for a literal
}

// Class is the CSS class that paints the swatch: app.css has one per colour
// token, at its end (the style attribute is forbidden by the CSP).
func (s Swatch) Class() string { return SwatchClass(s.Token) }

// SwatchClass is the class whose background is the token's colour.
func SwatchClass(token string) string { return "swatch--" + strings.TrimPrefix(token, "--") }

// SwatchTextClass is the class whose text colour (and currentColor) is the
// token's colour: the foreground of a pair.
func SwatchTextClass(token string) string { return "swatch-text--" + strings.TrimPrefix(token, "--") }

// MeasuredPair is a ColorPair with the colours its tokens resolve to and
// their contrast ratio.
type MeasuredPair struct {
	ColorPair
	ForegroundValue, BackgroundValue string
	Ratio                            float64
	// Problem says why the ratio could not be measured (a missing token, a
	// colour that is not #rrggbb); such a pair fails.
	Problem string
}

// Pass is whether the pair reaches its minimum.
func (m MeasuredPair) Pass() bool { return m.Problem == "" && m.Ratio >= m.Min }

// Text is whether the minimum is the one for text (else: focus ring, border).
func (m MeasuredPair) Text() bool { return m.Min >= textAA }

// RatioText is the ratio in French, rounded down to two decimals so that the
// page never shows a failing pair at its minimum ("4,49:1", not "4,50:1").
func (m MeasuredPair) RatioText() string {
	return frenchRatio(math.Floor(m.Ratio*100) / 100)
}

// MinText is the minimum in French: "4,5:1", "3:1".
func (m MeasuredPair) MinText() string {
	return frenchRatio(m.Min)
}

func frenchRatio(r float64) string {
	s := fmt.Sprintf("%.2f", r)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return strings.Replace(s, ".", ",", 1) + ":1"
}

// MeasurePairs resolves each pair's tokens and computes its contrast.
func MeasurePairs(tokens map[string]string, pairs []ColorPair) []MeasuredPair {
	out := make([]MeasuredPair, 0, len(pairs))
	for _, p := range pairs {
		m := MeasuredPair{ColorPair: p, ForegroundValue: tokens[p.Foreground], BackgroundValue: tokens[p.Background]}
		switch {
		case m.ForegroundValue == "":
			m.Problem = p.Foreground + " n'est pas un jeton de app.css"
		case m.BackgroundValue == "":
			m.Problem = p.Background + " n'est pas un jeton de app.css"
		default:
			r, err := Contrast(m.ForegroundValue, m.BackgroundValue)
			if err != nil {
				m.Problem = err.Error()
			}
			m.Ratio = r
		}
		out = append(out, m)
	}
	return out
}

// Palette is the gallery's palette page: the colour tokens in the order of
// app.css, and every pair measured.
type Palette struct {
	Swatches []Swatch
	Pairs    []MeasuredPair
	// Problem says why app.css could not be read; the page shows it.
	Problem string
}

// Failing counts the pairs below their minimum.
func (p Palette) Failing() int {
	n := 0
	for _, m := range p.Pairs {
		if !m.Pass() {
			n++
		}
	}
	return n
}

// colourValue is a value that paints: a hex colour or a colour function
// (the shadows' rgb(0 0 0 / 15%)); lengths and font lists are not.
var colourValue = regexp.MustCompile(`^(#[0-9a-fA-F]{3,8}|(rgba?|hsla?)\(.*\))$`)

// ColourSwatches are the declarations that resolve to a colour, in order.
func ColourSwatches(decls []Declaration, tokens map[string]string) []Swatch {
	var out []Swatch
	for _, d := range decls {
		v := tokens[d.Name]
		if !colourValue.MatchString(v) {
			continue
		}
		s := Swatch{Token: d.Name, Value: v}
		if m := tokenRef.FindStringSubmatch(d.Value); m != nil {
			s.Ref = m[1]
		}
		out = append(out, s)
	}
	return out
}

// LoadPalette reads the tokens of app.css and measures ColorPairs.
func LoadPalette() Palette {
	decls, err := Declarations()
	if err != nil {
		return Palette{Problem: err.Error()}
	}
	tokens, err := resolve(decls)
	if err != nil {
		return Palette{Problem: err.Error()}
	}
	return Palette{Swatches: ColourSwatches(decls, tokens), Pairs: MeasurePairs(tokens, ColorPairs)}
}

// plural is the French plural mark of a count: "s" from 2 on.
func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}
