package components

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// swatchRule is one palette class of app.css: .swatch--NAME or
// .swatch-text--NAME, and the property and token it sets.
var swatchRule = regexp.MustCompile(`\.(swatch(?:-text)?--[a-z0-9-]+)\s*\{\s*(background-color|color)\s*:\s*var\((--[a-z0-9-]+)\)\s*;?\s*\}`)

// swatchClassProblems compares the palette classes of the rules with the
// colour tokens (each needs its swatch class) and the pairs' foregrounds
// (each needs its text class); a class for no token is a leftover.
func swatchClassProblems(rules string, swatches []Swatch, pairs []ColorPair) []string {
	want := map[string]string{} // class -> the declaration it must hold
	for _, s := range swatches {
		want[SwatchClass(s.Token)] = "background-color: var(" + s.Token + ")"
	}
	for _, p := range pairs {
		want[SwatchTextClass(p.Foreground)] = "color: var(" + p.Foreground + ")"
	}
	have := map[string]string{}
	for _, m := range swatchRule.FindAllStringSubmatch(rules, -1) {
		have[m[1]] = m[2] + ": var(" + m[3] + ")"
	}
	var problems []string
	for class, decl := range want {
		switch got, ok := have[class]; {
		case !ok:
			problems = append(problems, fmt.Sprintf("app.css has no .%s: add `.%s { %s; }` to its palette section", class, class, decl))
		case got != decl:
			problems = append(problems, fmt.Sprintf(".%s sets %s, want %s", class, got, decl))
		}
	}
	for class := range have {
		if _, ok := want[class]; !ok {
			problems = append(problems, fmt.Sprintf(".%s paints no colour token or pair foreground: remove it from app.css", class))
		}
	}
	return problems
}

// Each colour token has its swatch class at the end of app.css, and each
// foreground of ColorPairs its text class: a new token without one fails.
func TestEveryColourTokenHasItsSwatchClass(t *testing.T) {
	pal := LoadPalette()
	if pal.Problem != "" {
		t.Fatal(pal.Problem)
	}
	_, rules, err := Stylesheet()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range swatchClassProblems(rules, pal.Swatches, ColorPairs) {
		t.Error(p)
	}
	// The check itself can fail: a token added without a class, a class
	// pointing at the wrong token, a class left for a removed token.
	extra := append(pal.Swatches[:len(pal.Swatches):len(pal.Swatches)], Swatch{Token: "--color-new", Value: "#123456"})
	if got := swatchClassProblems(rules, extra, ColorPairs); len(got) != 1 || !strings.Contains(got[0], ".swatch--color-new") {
		t.Errorf("a token without its class gave %q", got)
	}
	wrong := rules + "\n.swatch--color-text { background-color: var(--color-page); }"
	if got := swatchClassProblems(wrong, pal.Swatches, ColorPairs); len(got) != 1 || !strings.Contains(got[0], "want background-color: var(--color-text)") {
		t.Errorf("a class on the wrong token gave %q", got)
	}
	if got := swatchClassProblems(rules, pal.Swatches[1:], ColorPairs); len(got) != 1 || !strings.Contains(got[0], "remove it") {
		t.Errorf("a class for no token gave %q", got)
	}
}

// The swatches are the colour tokens in the order of app.css, each with the
// value it resolves to and the token it is written as; lengths and fonts are
// not colours.
func TestPaletteSwatchesAreTheColourTokens(t *testing.T) {
	pal := LoadPalette()
	tokens, err := Tokens()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Swatch{}
	for _, s := range pal.Swatches {
		byName[s.Token] = s
		if s.Value != tokens[s.Token] {
			t.Errorf("%s: swatch value %q, the token resolves to %q", s.Token, s.Value, tokens[s.Token])
		}
	}
	for _, name := range []string{"--color-white", "--color-text", "--color-shadow", "--focus-outer", "--focus-inner"} {
		if _, ok := byName[name]; !ok {
			t.Errorf("no swatch for %s", name)
		}
	}
	for _, name := range []string{"--focus-width", "--radius", "--font-family", "--space"} {
		if _, ok := byName[name]; ok {
			t.Errorf("%s is not a colour but has a swatch", name)
		}
	}
	if s := byName["--color-text"]; s.Ref == "" || tokens[s.Ref] != s.Value {
		t.Errorf("--color-text is written as a var() of a palette colour, got Ref %q", s.Ref)
	}
	if s := byName["--color-white"]; s.Ref != "" {
		t.Errorf("--color-white is a literal, got Ref %q", s.Ref)
	}
	if len(pal.Swatches) == 0 || pal.Swatches[0].Token != "--color-white" {
		t.Errorf("the swatches are not in the order of app.css")
	}
}

// MeasurePairs fails a pair below its minimum, and one it cannot measure.
func TestMeasurePairsFlagsFailures(t *testing.T) {
	tokens := map[string]string{"--fg": "#ffbf47", "--bg": "#ffffff", "--dark": "#0b4f8a", "--odd": "rgb(0 0 0)"}
	got := MeasurePairs(tokens, []ColorPair{
		{"--fg", "--bg", nonTextAA, "old focus ring"},
		{"--dark", "--bg", textAA, "link"},
		{"--missing", "--bg", textAA, "missing"},
		{"--odd", "--bg", textAA, "not hex"},
	})
	if len(got) != 4 {
		t.Fatalf("%d pairs measured, want 4", len(got))
	}
	if got[0].Pass() || got[0].Ratio < 1.5 || got[0].Ratio > 1.7 {
		t.Errorf("old focus ring: pass %v at %s, want a failure near 1.6:1", got[0].Pass(), got[0].RatioText())
	}
	if !got[1].Pass() || got[1].Problem != "" || got[1].ForegroundValue != "#0b4f8a" {
		t.Errorf("link: %+v, want a pass", got[1])
	}
	for _, m := range got[2:] {
		if m.Pass() || m.Problem == "" {
			t.Errorf("%s: pass %v, problem %q; want a failure that says why", m.Use, m.Pass(), m.Problem)
		}
	}
}

// The ratio shown never rounds a failing pair up to its minimum.
func TestRatioTextRoundsDown(t *testing.T) {
	for _, c := range []struct {
		m    MeasuredPair
		want string
	}{
		{MeasuredPair{Ratio: 4.4999}, "4,49:1"},
		{MeasuredPair{Ratio: 21}, "21:1"},
		{MeasuredPair{Ratio: 8.256}, "8,25:1"},
	} {
		if got := c.m.RatioText(); got != c.want {
			t.Errorf("RatioText(%v) = %q, want %q", c.m.Ratio, got, c.want)
		}
	}
	if got := (MeasuredPair{ColorPair: ColorPair{Min: textAA}}).MinText(); got != "4,5:1" {
		t.Errorf("MinText(4.5) = %q", got)
	}
	if got := (MeasuredPair{ColorPair: ColorPair{Min: nonTextAA}}).MinText(); got != "3:1" {
		t.Errorf("MinText(3) = %q", got)
	}
}

func renderPalette(t *testing.T, p Palette) *goquery.Document {
	t.Helper()
	var buf bytes.Buffer
	if err := PalettePage(p).Render(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// The page shows every token with its name, value and class, and every pair
// with the ratio LoadPalette measured, its minimum and its verdict in words.
func TestPalettePageShowsTheMeasuredPairs(t *testing.T) {
	pal := LoadPalette()
	doc := renderPalette(t, pal)
	items := doc.Find(".palette__item")
	if items.Length() != len(pal.Swatches) {
		t.Fatalf("%d swatches shown, %d colour tokens", items.Length(), len(pal.Swatches))
	}
	items.Each(func(i int, li *goquery.Selection) {
		s := pal.Swatches[i]
		text := strings.Join(strings.Fields(li.Text()), " ")
		if !strings.Contains(text, s.Token+" : "+s.Value) || !li.Find("."+s.Class()).Is(".palette__swatch") {
			t.Errorf("swatch %s: %q, class %q", s.Token, text, li.Find(".palette__swatch").AttrOr("class", ""))
		}
	})
	pairs := doc.Find(".palette-pair")
	if pairs.Length() != len(pal.Pairs) {
		t.Fatalf("%d pairs shown, %d measured", pairs.Length(), len(pal.Pairs))
	}
	// The text pairs come first, then the others, each in ColorPairs' order.
	var ordered []MeasuredPair
	for _, text := range []bool{true, false} {
		for _, m := range pal.Pairs {
			if m.Text() == text {
				ordered = append(ordered, m)
			}
		}
	}
	pairs.Each(func(i int, li *goquery.Selection) {
		m := ordered[i]
		text := strings.Join(strings.Fields(li.Text()), " ")
		want := "Conforme : " + m.RatioText() + " pour " + m.MinText() + " au moins"
		if !strings.Contains(text, want) || !strings.Contains(text, m.Foreground+" ("+m.ForegroundValue+") sur "+m.Background) {
			t.Errorf("pair %s on %s: %q, want %q", m.Foreground, m.Background, text, want)
		}
		if !li.Find("."+SwatchClass(m.Background)).Is(".palette-pair__sample") || li.Find("."+SwatchTextClass(m.Foreground)).Length() != 1 {
			t.Errorf("pair %s on %s: the sample does not use its two classes", m.Foreground, m.Background)
		}
	})
	if got := doc.Find(".palette-summary").Text(); !strings.Contains(got, "toutes conformes") {
		t.Errorf("summary %q", got)
	}
}

// A failing pair says so in words, not only in colour.
func TestPalettePageSaysAFailure(t *testing.T) {
	pal := Palette{
		Swatches: []Swatch{{Token: "--a", Value: "#ffbf47"}, {Token: "--b", Value: "#ffffff"}},
		Pairs: MeasurePairs(map[string]string{"--a": "#ffbf47", "--b": "#ffffff"}, []ColorPair{
			{"--a", "--b", textAA, "texte jaune"}, {"--a", "--b", nonTextAA, "anneau jaune"}, {"--a", "--c", nonTextAA, "fond absent"},
		}),
	}
	doc := renderPalette(t, pal)
	if n := doc.Find(".palette-pair--fail").Length(); n != 3 {
		t.Errorf("%d pairs marked failing, want 3", n)
	}
	doc.Find(".palette-pair").Each(func(_ int, li *goquery.Selection) {
		if txt := li.Find(".palette-pair__result").Text(); !strings.Contains(txt, "NON CONFORME") || strings.Contains(txt, "Conforme :") {
			t.Errorf("failing pair shows %q", strings.Join(strings.Fields(txt), " "))
		}
	})
	if txt := doc.Find(".palette-pair").Last().Text(); !strings.Contains(txt, "mesure impossible (--c n'est pas un jeton") {
		t.Errorf("an unmeasurable pair shows %q", strings.Join(strings.Fields(txt), " "))
	}
	if got := strings.Join(strings.Fields(doc.Find(".palette-summary").Text()), " "); got != "3 paires mesurées : 3 non conformes, 0 conforme." {
		t.Errorf("summary %q", got)
	}
	if got := renderPalette(t, Palette{Problem: "app.css manque"}).Find("[role=alert]").Text(); !strings.Contains(got, "app.css manque") {
		t.Errorf("a palette that could not be read shows %q", got)
	}
}
