package credentials

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/departement06/extranet-assmat/app/ascii"
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

// SameEmail compares two addresses ignoring the case of ASCII letters only.
// strings.EqualFold would also fold Unicode ("ſ" = "s", the Kelvin sign = "k"):
// a look-alike address that no mail server would deliver to the same mailbox.
func SameEmail(a, b string) bool { return ascii.EqualFold(a, b) }
