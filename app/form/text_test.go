package form

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/departement06/extranet-assmat/app/form/formtest"
)

func TestCheck(t *testing.T) {
	const nfdHelene = "He\u0301le\u0300ne" // 8 code points, 6 characters as seen
	cases := []struct {
		name string
		in   string
		kind Kind
		max  int
		want string // "" = accepted
	}{
		{"plain name", "Hélène Dupont-Martin", Name, 100, ""},
		{"apostrophes and spaces", "D'Artagnan O’Neil", Name, 100, ""},
		{"empty is not this check's business", "", Name, 100, ""},
		{"NUL in a name", "Hél\x00ène", Name, 100, MsgForbidden},
		{"NUL in free text", "a\x00", Text, 100, MsgForbidden},
		{"NUL in a password", "Secret-2025\x00", Secret, 128, MsgForbidden},
		{"escape (C0)", "a\x1bb", Text, 100, MsgForbidden},
		{"DEL", "a\x7fb", Name, 100, MsgForbidden},
		{"C1 control", "a\u0085b", Text, 100, MsgForbidden},
		{"newline in one-line text", "a\nb", Text, 100, MsgForbidden},
		{"carriage return", "a\rb", Text, 100, MsgForbidden},
		{"newline in a password", "Secret\n2025", Secret, 128, MsgForbidden},
		{"tab in free text", "a\tb", Text, 100, ""},
		{"tab in a name", "a\tb", Name, 100, MsgForbidden},
		{"tab in a password", "a\tb", Secret, 128, MsgForbidden},
		{"line separator", "a\u2028b", Text, 100, MsgForbidden},
		{"bidi override in a name", "Anna\u202Egnp.exe", Name, 100, MsgForbidden},
		{"bidi override in free text", "note \u202Eabc", Text, 100, MsgForbidden},
		{"bidi isolate in free text", "note \u2066abc\u2069", Text, 100, MsgForbidden},
		{"bidi override in a password is only hashed", "Ab1\u202Eabcdef", Secret, 128, ""},
		{"zero-width space in a name", "An\u200Bna", Name, 100, MsgForbidden},
		{"zero-width joiner in a name", "An\u200Dna", Name, 100, MsgForbidden},
		{"word joiner in a name", "An\u2060na", Name, 100, MsgForbidden},
		{"byte order mark in a name", "\uFEFFAnna", Name, 100, MsgForbidden},
		{"left-to-right mark in a name", "Anna\u200E", Name, 100, MsgForbidden},
		{"soft hyphen in a name", "An\u00ADna", Name, 100, MsgForbidden},
		{"zero-width joiner in an emoji of a comment", "famille 👨\u200D👩\u200D👧", Text, 100, ""},
		{"invalid UTF-8", "\xff\xfe", Name, 100, MsgForbidden},
		{"invalid UTF-8 in a password", "Ab1\xffabcd", Secret, 128, MsgForbidden},
		{"replacement character", "a\uFFFDb", Text, 100, MsgForbidden},
		{"at the limit", strings.Repeat("é", 100), Name, 100, ""},
		{"over the limit", strings.Repeat("é", 101), Name, 100, MsgTooLong(100)},
		{"NFD counts as seen", nfdHelene, Name, 6, ""},
		{"NFD over the limit", nfdHelene, Name, 5, MsgTooLong(5)},
		{"no limit", strings.Repeat("a", 10000), Text, 0, ""},
		{"forbidden wins over length", strings.Repeat("a", 200) + "\x00", Name, 100, MsgForbidden},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Check(tc.in, tc.kind, tc.max); got != tc.want {
				t.Errorf("Check(%q, %d, %d) = %q, want %q", tc.in, tc.kind, tc.max, got, tc.want)
			}
		})
	}
}

func TestMsgTooLongStatesTheLimit(t *testing.T) {
	if got := MsgTooLong(100); got != "Ce champ est trop long. 100 caractères au maximum." {
		t.Errorf("MsgTooLong(100) = %q", got)
	}
}

func TestNormalize(t *testing.T) {
	cases := map[string]string{
		"He\u0301le\u0300ne": "Hélène",
		"Hélène":             "Hélène",
		"a\xffb":             "a\uFFFDb",
		"":                   "",
		"Å":                  "Å", // U+212B ANGSTROM SIGN is canonically Å (U+00C5)
	}
	for in, want := range cases {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
		if got := Normalize(in); !norm.NFC.IsNormalString(got) {
			t.Errorf("Normalize(%q) = %q is not NFC", in, got)
		}
	}
}

func TestValueAndRawNormalise(t *testing.T) {
	c := formtest.Ctx(t, url.Values{"nom": {"  He\u0301le\u0300ne\u00a0"}, "mdp": {" Se\u0301same-1 "}})
	if got := Value(c, "nom"); got != "Hélène" {
		t.Errorf("Value = %q, want trimmed NFC Hélène", got)
	}
	if got := Raw(c, "mdp"); got != " Sésame-1 " {
		t.Errorf("Raw = %q, want NFC with its spaces", got)
	}
}
