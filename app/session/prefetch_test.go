package session

import "testing"

func TestPathMatcherFollowsFibersRouting(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"/", "/", true},
		{"/", "/messages", false},
		{"/messages", "/messages", true},
		{"/messages", "/MESSAGES", true},
		{"/messages", "/messages/", true},
		{"/messages", "/messages/12", false},
		{"/messages", "/messagesx", false},
		{"/messages/:id", "/messages/12", true},
		{"/messages/:id", "/messages/", false},
		{"/messages/:id", "/messages/12/archiver", false},
		{"/enfants-accueillis", "/enfants-accueillis", true},
		{"/enfants-accueillis", "/enfants", false},
		{"/messages", "/me\u017f\u017fages", false}, // ſ folds to s in Unicode, not in fiber's routing
		{"/messages", "///messages", false},
		{"/messages", "/messages//", false},
		{"/messages", "messages", false},
	} {
		if got := pathMatcher(tc.pattern)(tc.path); got != tc.want {
			t.Errorf("pattern %q, path %q: %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
}

func TestParseCookie(t *testing.T) {
	good, err := newClaim(42)
	if err != nil {
		t.Fatal(err)
	}
	parsed, ok := parseCookie(good.cookie())
	if !ok || parsed.userID != 42 || parsed.key != good.key {
		t.Fatalf("a new cookie %q does not parse back: %+v %v", good.cookie(), parsed, ok)
	}
	secret := good.secret
	for _, bad := range []string{"", "42", "42.", "." + secret, "a." + secret, "-42." + secret, "0." + secret,
		"+42." + secret, "042." + secret, "42." + secret + "A", "42." + secret[1:], "42." + secret[:42] + "*",
		"99999999999999999999." + secret, "42.." + secret[1:], " 42." + secret} {
		if c, ok := parseCookie(bad); ok {
			t.Errorf("%q parsed: %+v", bad, c)
		}
	}
}
