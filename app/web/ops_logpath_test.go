package web

import "testing"

func TestLogPathRedactsOneTimeTokens(t *testing.T) {
	const tok = "Zx8-3kQ_pL0aVb9cDe1fGh2iJk3lMn4oPq5rSt6uVw7"
	cases := []struct{ in, want string }{
		{"/mot-de-passe/" + tok, "/mot-de-passe/[redacted]"},
		{"/adresse-email/" + tok, "/adresse-email/[redacted]"},
		// fiber matches routes whatever the case, and with a trailing slash.
		{"/MOT-DE-PASSE/" + tok, "/MOT-DE-PASSE/[redacted]"},
		{"/Adresse-Email/" + tok + "/", "/Adresse-Email/[redacted]"},
		// Whatever follows the prefix is redacted, extra segments included.
		{"/mot-de-passe/" + tok + "/autre", "/mot-de-passe/[redacted]"},
		{"/x/mot-de-passe/" + tok, "/x/mot-de-passe/[redacted]"},
		{"/adresse-email/a/mot-de-passe/" + tok, "/adresse-email/[redacted]"},
		// Percent-encoded forms of the prefix.
		{"/mot%2Dde-passe/" + tok, "/mot-de-passe/[redacted]"},
		{"/mot-de-passe%2F" + tok, "/mot-de-passe/[redacted]"},
		// Paths without a token are kept as they are.
		{"/mot-de-passe/", "/mot-de-passe/"},
		{"/mon-compte/mot-de-passe", "/mon-compte/mot-de-passe"},
		{"/mon-compte/adresse-email", "/mon-compte/adresse-email"},
		{"/adresse-email-confirmee", "/adresse-email-confirmee"},
		{"/enfants-accueillis/12/modifier", "/enfants-accueillis/12/modifier"},
		{"/", "/"},
		{"", ""},
		{"/%zz/mot-de-passe", "/%zz/mot-de-passe"},
	}
	for _, tc := range cases {
		if got := logPath(tc.in); got != tc.want {
			t.Errorf("logPath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
