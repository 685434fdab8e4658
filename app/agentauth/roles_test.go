package agentauth_test

import (
	"net/http"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// A browser may hold both sessions (one person testing both sides): each
// side's pages are served by its own session, and forms of both post with
// the browser's one token.
func TestABrowserWithBothSessions(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	signIn(t, c, agentEmail, agentPassword)
	for path, want := range map[string]int{"/": http.StatusOK, "/mon-compte": http.StatusOK, "/back-office": http.StatusOK, "/back-office/mon-compte": http.StatusOK} {
		if res := c.Get(path); res.StatusCode != want {
			t.Errorf("%s with both sessions: %d, want %d", path, res.StatusCode, want)
		}
	}
	c.Get("/back-office")
	if res := c.Submit("/back-office/deconnexion", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the agent's sign-out: %d", res.StatusCode)
	}
	if c.Cookie("extranet_session") == "" {
		t.Error("the agent's sign-out ended the childminder's session")
	}
	if res := c.Get("/"); res.StatusCode != http.StatusOK {
		t.Errorf("the childminder's dashboard after the agent's sign-out: %d", res.StatusCode)
	}
	if res := c.Get("/back-office"); res.StatusCode != http.StatusNotFound {
		t.Errorf("the back office with the childminder's session only: %d, want 404", res.StatusCode)
	}
}

// fiber's session stores share the Locals key of a session they just
// created: a stale childminder's cookie (its store makes a new id) must not
// make the agent's live session look expired, nor the other way round.
func TestAStaleCookieOfOneSideLeavesTheOtherSessionAlone(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	signIn(t, c, agentEmail, agentPassword)
	c.SetCookie("extranet_session", "00000000-0000-0000-0000-000000000000")
	if res := c.Get("/back-office"); res.StatusCode != http.StatusOK {
		t.Errorf("the agent's page with a stale childminder cookie: %d", res.StatusCode)
	}
	d := env.Client()
	d.Login("100001", "Demo-assmat1")
	d.SetCookie("extranet_agent", "00000000-0000-0000-0000-000000000000")
	if res := d.Get("/"); res.StatusCode != http.StatusOK {
		t.Errorf("the childminder's page with a stale agent cookie: %d", res.StatusCode)
	}
}

// The back office's pages cost at most 3 round trips (the session, the
// agent) and write nothing; the sign-in page of an anonymous visitor none.
func TestBackOfficeRoundTrips(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	env.Trips.Reset()
	for _, htmx := range []bool{false, true} {
		c.Get("/back-office/connexion", apptest.HTMXIf(htmx)...)
	}
	if n := env.Trips.Trips(); n != 0 {
		t.Errorf("the sign-in page: %d round trips, want 0", n)
	}
	signIn(t, c, agentEmail, agentPassword)
	for _, path := range []string{"/back-office", "/back-office/mon-compte", "/back-office/connexion", "/back-office/nulle-part"} {
		for _, htmx := range []bool{false, true} {
			env.Trips.Reset()
			c.Get(path, apptest.HTMXIf(htmx)...)
			if n, w := env.Trips.Trips(), env.Trips.Writes(); n > 3 || w > 0 {
				t.Errorf("GET %s (htmx=%v): %d round trips, %d writes; want ≤ 3 and none", path, htmx, n, w)
			}
		}
	}
}
