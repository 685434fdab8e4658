package form

import (
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in   string
		want string // "" = refused
	}{
		{"02/02/1990", "1990-02-02"},
		{"2/2/1990", "1990-02-02"},
		{"1990-02-02", "1990-02-02"},
		{" 15/03/1985 ", "1985-03-15"},
		{"15.03.1985", "1985-03-15"},
		{"15-03-1985", "1985-03-15"},
		{"29/02/2024", "2024-02-29"}, // leap day
		{"29/02/2023", ""},
		{"31/04/2024", ""},
		{"32/01/2024", ""},
		{"01/13/2024", ""},
		{"1990/02/02", ""},
		{"", ""},
		{"demain", ""},
		{"01/01/0001", ""},
		{"' OR 1=1 --", ""},
		{strings.Repeat("1", 100), ""},
	}
	for _, tc := range cases {
		got, ok := ParseDate(tc.in)
		if tc.want == "" {
			if ok {
				t.Errorf("ParseDate(%q) = %v, want refused", tc.in, got)
			}
			continue
		}
		if !ok || got.Format(time.DateOnly) != tc.want {
			t.Errorf("ParseDate(%q) = %v, %v, want %s", tc.in, got, ok, tc.want)
		}
	}
}

func TestValidEmail(t *testing.T) {
	cases := map[string]bool{
		"gertrude.assmat@example.fr":       true,
		"mailmaman@mailperso.fr":           true,
		"a+b@sub.example.org":              true,
		"":                                 false,
		"gertrude":                         false,
		"gertrude@localhost":               false,
		"gertrude@@example.fr":             false,
		"Gertrude <g@example.fr>":          false,
		"g @example.fr":                    false,
		"g@example.fr.":                    false,
		"g@example.fr; evil@x.fr":          false,
		strings.Repeat("a", 250) + "@x.fr": false,
		"g\x00@example.fr":                 false,
		"g@exa\u200bmple.fr":               false, // zero-width space: looks like g@example.fr
		"g@example.fr\u202e":               false,
		"g\n@example.fr":                   false,
		"hélène@example.fr":                true, // RFC 6532 allows UTF-8
	}
	for in, want := range cases {
		if got := ValidEmail(in); got != want {
			t.Errorf("ValidEmail(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestIndexable(t *testing.T) {
	for in, want := range map[string]bool{
		"mar":      true,
		"la colle": true,
		"B0012":    true,
		"Lévêque":  true,
		"élé":      true,
		"１２３":      true, // full-width digits are digits
		"ab":       false,
		"a b c":    false,
		"ab-cd":    false,
		"...":      false,
		"％％％":      false,
		"＿＿＿":      false,
		`\\`:       false,
		"   ":      false,
		"":         false,
		"l'ab":     false,
		"x12 y":    true,
		"ab cd e":  false,
	} {
		if got := Indexable(in); got != want {
			t.Errorf("Indexable(%q) = %v, want %v", in, got, want)
		}
	}
}
