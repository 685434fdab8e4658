package form

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Seeds every text fuzz target starts from: the probes' NUL, NFD, bidi,
// zero-width and huge inputs.
var hostileSeeds = []string{
	"", " ", "Hélène", "He\u0301le\u0300ne", "\x00", "a\x00b", "\x1b[31m", "\r\n", "\t", "\u0085",
	"\u202eexe.gpj", "\u2066x\u2069", "An\u200bna", "\ufeff", "\u2028", "\xff\xfe", "\ufffd",
	"e" + strings.Repeat("\u0301", 40), strings.Repeat("é", 101), strings.Repeat("a", 5000), "' OR 1=1 --", "<script>",
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"02/02/1990", "2/2/1990", "1990-02-02", " 15/03/1985 ", "15.03.1985", "15-03-1985",
		"29/02/2024", "29/02/2023", "31/02/2024", "31/04/2024", "00/01/2024", "01/13/2024", "01/01/1899", "31/12/2200",
		"01/01/2201", "2024-02-30", "\x00", "01/01/2024\x00", "０１/０１/２０２４", "1/1/1", "+1/01/2024", "-1-01-2024"} {
		f.Add(s)
	}
	plain := regexp.MustCompile(`^\d{2}/\d{2}/\d{4}$`)
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDate(s)
		if plain.MatchString(s) {
			if want, err := time.Parse("02/01/2006", s); err == nil && want.Year() >= 1900 && want.Year() <= 2200 && (!ok || !d.Equal(want)) {
				t.Fatalf("ParseDate(%q) = %v, %v; want %v", s, d, ok, want)
			}
		}
		if !ok {
			return
		}
		if d.Year() < 1900 || d.Year() > 2200 || d.Location() != time.UTC || d.Hour()+d.Minute()+d.Second()+d.Nanosecond() != 0 {
			t.Fatalf("ParseDate(%q) = %v: out of range or not a UTC midnight", s, d)
		}
		// What the forms show (jj/mm/aaaa) and what a date input sends parse back to the same day.
		for _, layout := range []string{"02/01/2006", "2006-01-02"} {
			if again, ok := ParseDate(d.Format(layout)); !ok || !again.Equal(d) {
				t.Fatalf("%q → %v → %q → %v, %v", s, d, d.Format(layout), again, ok)
			}
		}
	})
}

func FuzzCheck(f *testing.F) {
	for _, s := range hostileSeeds {
		for kind := range uint8(3) {
			f.Add(s, kind, uint8(100))
		}
	}
	f.Fuzz(func(t *testing.T, s string, k, max uint8) {
		kind := Kind(k % 3)
		n := Normalize(s)
		if !utf8.ValidString(n) || !norm.NFC.IsNormalString(n) || Normalize(n) != n {
			t.Fatalf("Normalize(%q) = %q: not valid NFC, or not stable", s, n)
		}
		if trimmed := strings.TrimSpace(n); Normalize(trimmed) != trimmed {
			t.Fatalf("trimmed %q is not stable NFC", trimmed)
		}
		msg := Check(n, kind, int(max))
		if msg != "" && msg != MsgForbidden && msg != MsgTooLong(int(max)) {
			t.Fatalf("Check(%q) = %q: unknown message", n, msg)
		}
		if msg == "" {
			if max > 0 && utf8.RuneCountInString(n) > int(max) {
				t.Fatalf("Check accepted %d characters over %d", utf8.RuneCountInString(n), max)
			}
			for _, r := range n {
				switch {
				case r == utf8.RuneError, unicode.IsControl(r) && !(r == '\t' && kind == Text):
					t.Fatalf("Check(%q, %d) accepted %U", n, kind, r)
				case kind != Secret && (r == '\u2028' || r == '\u2029' || bidiControl(r)):
					t.Fatalf("Check(%q, %d) accepted %U", n, kind, r)
				case kind == Name && unicode.Is(unicode.Cf, r):
					t.Fatalf("Check(%q, Name) accepted the invisible %U", n, r)
				}
			}
		}
		// A name as people write it passes every kind.
		if utf8.RuneCountInString(n) <= int(max) && plausibleName(n) {
			for kind := range Kind(3) {
				if msg := Check(n, kind, int(max)); msg != "" {
					t.Fatalf("Check(%q, %d) = %q for a plausible name", n, kind, msg)
				}
			}
		}
	})
}

// plausibleName is letters (any script, accents composed or not), digits,
// spaces, hyphens, apostrophes and dots.
func plausibleName(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && !strings.ContainsRune(" -'’.", r) {
			return false
		}
	}
	return true
}

func FuzzValidEmail(f *testing.F) {
	for _, s := range []string{"gertrude.assmat@example.fr", "a+b@sub.example.org", "hélène@example.fr", "g@localhost", "g@@x.fr",
		"Gertrude <g@example.fr>", "g@example.fr.", "g\x00@example.fr", "g@exa\u200bmple.fr", "\"a@b\"@x.fr", "a@b.fr\r\nBcc: c@d.fr",
		strings.Repeat("a", 250) + "@x.fr"} {
		f.Add(s)
	}
	plain := regexp.MustCompile(`^[a-z0-9]+([._+-][a-z0-9]+)*@[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$`)
	f.Fuzz(func(t *testing.T, s string) {
		ok := ValidEmail(s)
		if plain.MatchString(s) && len(s) <= MaxEmail && !ok {
			t.Fatalf("ValidEmail(%q) refused a plain address", s)
		}
		if !ok {
			return
		}
		if len(s) > MaxEmail || Check(s, Name, MaxEmail) != "" || strings.Count(s, "@") != 1 || strings.ContainsAny(s, " <>\"") {
			t.Fatalf("ValidEmail(%q) accepted it", s)
		}
		if domain := s[strings.IndexByte(s, '@')+1:]; !strings.Contains(domain, ".") {
			t.Fatalf("ValidEmail(%q): domain without a dot", s)
		}
	})
}
