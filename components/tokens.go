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
	Use                    string // where the pair appears, in French: the gallery shows it
}

const (
	textAA    = 4.5
	nonTextAA = 3
)

// ColorPairs lists every foreground/background pair the stylesheet uses.
var ColorPairs = []ColorPair{
	{"--color-text", "--color-page", textAA, "texte courant sur la page"},
	{"--color-text", "--color-surface", textAA, "texte des cartes, tableaux et champs"},
	{"--color-text", "--color-primary-light", textAA, "encadré d'information, en-têtes de tableau, entrée de menu survolée"},
	{"--color-text", "--color-disabled-bg", textAA, "champ désactivé"},
	{"--color-text-muted", "--color-surface", textAA, "aides des champs, pied de page"},
	{"--color-text-muted", "--color-page", textAA, "champ en lecture seule, pied de page"},
	{"--color-text-muted", "--color-primary-light", textAA, "aide dans l'encadré d'information"},
	{"--color-primary", "--color-surface", textAA, "liens, titres des cartes, boutons secondaires"},
	{"--color-primary", "--color-page", textAA, "liens sur la page"},
	{"--color-primary", "--color-primary-light", textAA, "lien dans l'encadré d'information"},
	{"--color-primary-dark", "--color-surface", textAA, "lien survolé"},
	{"--color-on-primary", "--color-primary", textAA, "en-tête, bouton principal"},
	{"--color-on-primary", "--color-primary-dark", textAA, "barre de menu, bouton principal survolé"},
	{"--color-on-primary", "--color-success", textAA, "bouton VALIDER"},
	{"--color-on-primary", "--color-error", textAA, "bouton de suppression"},
	{"--color-on-primary", "--color-error-dark", textAA, "bouton de suppression survolé"},
	{"--color-error", "--color-surface", textAA, "erreur sous un champ, astérisque des champs requis"},
	{"--color-error", "--color-error-light", textAA, "résumé des erreurs"},
	{"--color-success", "--color-surface", textAA, "coche d'un champ valide"},
	{"--color-notice-text", "--color-notice-bg", textAA, "message de confirmation"},
	{"--color-warning-text", "--color-warning-bg", textAA, "encadré d'avertissement"},

	{"--color-input-border", "--color-surface", nonTextAA, "bordure d'un champ dans une carte"},
	{"--color-input-border", "--color-page", nonTextAA, "bordure d'un champ sur la page"},
	{"--color-error", "--color-surface", nonTextAA, "bordure d'un champ en erreur"},
	{"--color-success", "--color-surface", nonTextAA, "bordure d'un champ valide"},
	{"--color-primary", "--color-surface", nonTextAA, "bordure d'un bouton secondaire"},

	// The focus ring: its outline on every background it can sit on, and its
	// halo on the coloured buttons it surrounds.
	{"--focus-outer", "--color-page", nonTextAA, "anneau de focus sur la page"},
	{"--focus-outer", "--color-surface", nonTextAA, "anneau de focus dans une carte"},
	{"--focus-outer", "--color-primary-light", nonTextAA, "anneau de focus dans l'encadré d'information"},
	{"--focus-outer", "--color-error-light", nonTextAA, "anneau de focus dans le résumé des erreurs"},
	{"--focus-outer", "--color-notice-bg", nonTextAA, "anneau de focus dans un message de confirmation"},
	{"--focus-outer", "--color-warning-bg", nonTextAA, "anneau de focus dans un encadré d'avertissement"},
	{"--focus-outer", "--color-disabled-bg", nonTextAA, "anneau de focus près d'un champ désactivé"},
	{"--focus-inner", "--color-primary", nonTextAA, "halo du focus sur un bouton principal"},
	{"--focus-inner", "--color-primary-dark", nonTextAA, "halo du focus sur un bouton principal survolé"},
	{"--focus-inner", "--color-success", nonTextAA, "halo du focus sur VALIDER"},
	{"--focus-inner", "--color-error", nonTextAA, "halo du focus sur un bouton de suppression"},
	{"--color-yellow-400", "--color-primary", nonTextAA, "anneau de focus dans l'en-tête"},
	{"--color-yellow-400", "--color-primary-dark", nonTextAA, "anneau de focus dans la barre de menu"},
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

// Declaration is one custom property of the token block, as written.
type Declaration struct {
	Name, Value string // e.g. "--color-text", "var(--color-grey-900)"
}

// Declarations are the custom properties of the token block, in the order
// app.css writes them.
func Declarations() ([]Declaration, error) {
	block, _, err := Stylesheet()
	if err != nil {
		return nil, err
	}
	var out []Declaration
	for _, m := range tokenDecl.FindAllStringSubmatch(block, -1) {
		out = append(out, Declaration{m[1], strings.TrimSpace(m[2])})
	}
	return out, nil
}

// Tokens are the custom properties of the token block, each resolved through
// its var() references to a literal value.
func Tokens() (map[string]string, error) {
	decls, err := Declarations()
	if err != nil {
		return nil, err
	}
	return resolve(decls)
}

func resolve(decls []Declaration) (map[string]string, error) {
	raw := map[string]string{}
	for _, d := range decls {
		raw[d.Name] = d.Value
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
