package credentials

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// SameName compares two names as a person would: case, accents, spaces,
// hyphens and apostrophes do not matter ("Gertrude" = "GERTRUDE",
// "Hélène" = "helene", "Le Goff" = "LE-GOFF").
func SameName(a, b string) bool {
	na, nb := foldName(a), foldName(b)
	return na != "" && na == nb
}

func foldName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r): // combining accent
		case r == 'œ' || r == 'Œ':
			b.WriteString("oe")
		case r == 'æ' || r == 'Æ':
			b.WriteString("ae")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
