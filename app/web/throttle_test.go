package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// After a run of wrong passwords for one identifier, further attempts, even
// with the right password, are refused for a while with a French explanation,
// while another childminder can still sign in.
func TestRepeatedFailuresLockAnIdentifierForAWhile(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Get("/connexion")
	attempt := func(password string, hdr ...apptest.Header) *apptest.Response {
		return c.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", password), hdr...)
	}
	for i := 1; i <= 4; i++ {
		if res := attempt("Mauvais-1"); res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("failure %d: %d", i, res.StatusCode)
		}
	}
	res := attempt("Mauvais-1")
	if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(res.Text(), "Trop de tentatives infructueuses") {
		t.Fatalf("5th failure: %d %q", res.StatusCode, res.Text())
	}
	for _, htmx := range []bool{false, true} {
		res = attempt("Demo-assmat1", apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(res.Text(), "vous pourrez réessayer") {
			t.Errorf("right password while locked (htmx=%v): %d %q", htmx, res.StatusCode, res.Text())
		}
		if c.Cookie("extranet_session") != "" {
			t.Fatal("signed in while locked")
		}
	}
	other := env.Client()
	other.Login("100002", "Temp-2025a")

	env.Clock.Advance(61 * time.Second)
	// One more failure after the wait doubles it.
	if res := attempt("Mauvais-1"); res.StatusCode != http.StatusTooManyRequests || !strings.Contains(res.Text(), "dans 2 minutes") {
		t.Errorf("6th failure: %d %q", res.StatusCode, res.Text())
	}
	env.Clock.Advance(121 * time.Second)
	if res := attempt("Demo-assmat1"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("right password after the wait: %d", res.StatusCode)
	}
	// The success reset the count: a new failure is free again.
	c2 := env.Client()
	c2.Get("/connexion")
	if res := c2.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Mauvais-1")); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("failure after a success: %d", res.StatusCode)
	}
}

func TestLinkRequestsAreThrottled(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	for i := 1; i <= 3; i++ {
		if res := requestLink(t, c, "100003", "Sansmotdepasse", "Marcel", "15/03/1985", "marcel@example.fr"); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("request %d: %d", i, res.StatusCode)
		}
	}
	res := requestLink(t, c, "100003", "Sansmotdepasse", "Marcel", "15/03/1985", "marcel@example.fr")
	if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(res.Text(), "Trop de tentatives") {
		t.Errorf("4th request: %d %q", res.StatusCode, res.Text())
	}
	if n := len(env.WaitEmails(3)); n != 3 {
		t.Errorf("%d emails, want 3", n)
	}
}
