package form

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Kind says which characters a field accepts. Every field of the extranet is
// one line long (there is no textarea): a line break is never typed, only
// pasted or forged, and PostgreSQL refuses a NUL byte outright.
type Kind uint8

const (
	// Text is free text such as a period's comment: a tab is tolerated;
	// control characters, line breaks and bidi overrides (which can make a
	// text display as another) are not.
	Text Kind = iota
	// Name is a name, an address, a commune, an identifier or an email
	// address: nothing invisible either (zero-width characters, bidi marks,
	// every Unicode format character) and no tab, so that two names that
	// look the same are the same.
	Name
	// Secret is a password, taken as typed: only control characters (and
	// bytes that are not UTF-8) are refused.
	Secret
)

// MsgForbidden is the field error for a character the kind refuses.
const MsgForbidden = "Ce champ contient des caractères non autorisés (caractères invisibles ou de contrôle, souvent venus d'un copier-coller) : veuillez le ressaisir."

// MsgSecretControl is the policy error of a new password holding a control
// character: it could never be typed again at a login.
const MsgSecretControl = "Mot de passe non conforme : il ne doit contenir aucun caractère de contrôle (tabulation, retour à la ligne…)."

// MsgTooLong is the field error for more than max characters; it starts with
// the sentence of the forms' first version.
func MsgTooLong(max int) string {
	return "Ce champ est trop long. " + strconv.Itoa(max) + " caractères au maximum."
}

// Normalize is the text of a field as the server keeps it: bytes that are not
// UTF-8 become U+FFFD (refused by Check, shown back as typed), and the text is
// composed (NFC), so that an "é" sent as "e" + accent is one character, as the
// user sees it, and compares equal to the precomposed one.
func Normalize(s string) string {
	return norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
}

// Check returns the French error of a field value of that kind ("" when
// fine): a refused character, or more than max characters (0: no limit)
// counted after NFC. Every form of the extranet validates its text with it.
func Check(s string, kind Kind, max int) string {
	if !Allowed(s, kind) {
		return MsgForbidden
	}
	if max > 0 && utf8.RuneCountInString(norm.NFC.String(s)) > max {
		return MsgTooLong(max)
	}
	return ""
}

// Allowed is true when s is UTF-8 and holds only characters the kind accepts.
func Allowed(s string, kind Kind) bool {
	for _, r := range s {
		if !allowedRune(r, kind) {
			return false
		}
	}
	return true
}

func allowedRune(r rune, kind Kind) bool {
	// RuneError is both a byte that is not UTF-8 and a U+FFFD typed in: the
	// latter only ever comes from a broken encoding.
	if r == utf8.RuneError || unicode.IsControl(r) {
		return r == '\t' && kind == Text
	}
	if kind == Secret {
		return true
	}
	if r == '\u2028' || r == '\u2029' || bidiControl(r) {
		return false
	}
	return kind != Name || !unicode.Is(unicode.Cf, r)
}

// bidiControl is true for the explicit embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069): the "Trojan Source" characters.
func bidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}
