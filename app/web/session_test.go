package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/config"
	"github.com/departement06/extranet-assmat/app/demo"
)

func TestAnonymousVisitorsAreSentToTheLoginPage(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	res := c.Get("/")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/connexion" {
		t.Errorf("plain: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	res = c.Get("/", apptest.HTMX)
	if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/connexion" {
		t.Errorf("htmx: %d %q", res.StatusCode, res.Header.Get("HX-Redirect"))
	}
	if v := res.Header.Get("Vary"); !strings.Contains(v, "HX-Request") {
		t.Errorf("redirect without Vary: HX-Request (%q)", v)
	}
	// A forged or stale session cookie is no better than none.
	c.SetCookie("extranet_session", "00000000-0000-0000-0000-000000000000")
	if res := c.Get("/"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("unknown session id: %d", res.StatusCode)
	}
}

func TestPostWithoutCSRFTokenIsRefused(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Get("/connexion")
	form := apptest.Values("identifiant", "100001", "mot_de_passe", "Demo-assmat1")
	res := c.Post("/connexion", form)
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("login without token: %d", res.StatusCode)
	}
	if !strings.Contains(res.Text(), "Action refusée") {
		t.Errorf("403 page not in French: %q", res.Text())
	}
	form.Set("_csrf", "forged")
	if res := c.Post("/connexion", form); res.StatusCode != http.StatusForbidden {
		t.Errorf("login with a forged token: %d", res.StatusCode)
	}
	res = c.Post("/connexion", form, apptest.HTMX)
	if res.StatusCode != http.StatusForbidden || res.Header.Get("HX-Refresh") != "true" {
		t.Errorf("htmx without token: %d, HX-Refresh %q", res.StatusCode, res.Header.Get("HX-Refresh"))
	}
	if c.Cookie("extranet_session") != "" {
		t.Error("a refused login got a session")
	}
	// The token also travels as the header htmx sends.
	form.Del("_csrf")
	res = c.Post("/connexion", form, apptest.HTMX, apptest.Header{Name: "X-Csrf-Token", Value: c.CSRF})
	if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/" {
		t.Errorf("htmx login with the header token: %d %q", res.StatusCode, res.Header.Get("HX-Redirect"))
	}
}

func TestCSRFTokenOfTheAnonymousPageDiesAtLogin(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Get("/connexion")
	before := c.CSRF
	c.Login("100001", "Demo-assmat1")
	c.Get("/")
	if c.CSRF == before {
		t.Fatal("the token did not change at login")
	}
	c.CSRF = before
	if res := c.Submit("/deconnexion", nil); res.StatusCode != http.StatusForbidden {
		t.Errorf("logout with the pre-login token: %d", res.StatusCode)
	}
}

func TestSessionIsAcceptedByASecondInstanceAndAfterRestart(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	other := apptest.NewOn(t, env.URL, env.Clock)
	res := c.On(other).Get("/")
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Text(), "Gertrude") {
		t.Fatalf("second instance: %d", res.StatusCode)
	}
	// Forms rendered by one instance post to the other: the CSRF key is shared.
	c.Get("/")
	if res := c.On(other).Submit("/deconnexion", nil); res.StatusCode != http.StatusSeeOther {
		t.Errorf("logout on the second instance with the first one's token: %d", res.StatusCode)
	}
}

func TestReadingPagesDoesNotWriteAndRefreshesAtMostOnceAMinute(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	env.Trips.Reset()
	for i := 0; i < 5; i++ {
		if res := c.Get("/"); res.StatusCode != http.StatusOK {
			t.Fatalf("dashboard: %d", res.StatusCode)
		}
		env.Clock.Advance(5 * time.Second)
	}
	if w := env.Trips.Writes(); w != 0 {
		t.Errorf("5 page views within a minute wrote %d times", w)
	}
	env.Clock.Advance(time.Minute)
	c.Get("/")
	if w := env.Trips.Writes(); w != 1 {
		t.Errorf("a page view after a minute wrote %d times, want 1 (idle refresh)", w)
	}
}

func TestDashboardCostsAtMostThreeRoundTrips(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	env.Trips.Reset()
	c.Get("/")
	if n := env.Trips.Trips(); n > 3 {
		t.Errorf("dashboard: %d round trips, want at most 3", n)
	}
	env.Trips.Reset()
	c2 := env.Client()
	c2.Get("/connexion")
	if n := env.Trips.Trips(); n != 0 {
		t.Errorf("anonymous login page: %d round trips, want 0", n)
	}
}

func TestIdleTimeoutEndsTheSession(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	env.Clock.Advance(29 * time.Minute)
	if res := c.Get("/"); res.StatusCode != http.StatusOK {
		t.Fatalf("after 29 idle minutes: %d", res.StatusCode)
	}
	env.Clock.Advance(31 * time.Minute)
	if res := c.Get("/"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("after 31 idle minutes: %d, want the login page", res.StatusCode)
	}
}

func TestAbsoluteLifetimeEndsAnActiveSession(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	// Active every 20 minutes, for 12 hours.
	for i := 0; i < 36; i++ {
		env.Clock.Advance(20 * time.Minute)
		if res := c.Get("/"); res.StatusCode != http.StatusOK {
			t.Fatalf("active session ended after %d minutes", (i+1)*20)
		}
	}
	env.Clock.Advance(20 * time.Minute)
	if res := c.Get("/"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("session alive after 12h20: %d", res.StatusCode)
	}
}

// Over HTTPS every cookie is Secure and goes by its __Host- name
// (app/hostcookie): a sibling site of the parent domain cannot plant one. A
// cookie by the plain name, which such a site could set, opens nothing.
func TestCookiesAreSecureOverHTTPS(t *testing.T) {
	t.Parallel()
	base := apptest.New(t)
	env := apptest.NewOn(t, base.URL, nil, func(c *config.Config) { c.BaseURL = "https://extranet.example.fr" })
	c := env.Client()
	res := c.Get("/connexion")
	for _, ck := range res.Cookies() {
		if !ck.Secure || !strings.HasPrefix(ck.Name, "__Host-") || ck.Path != "/" || ck.Domain != "" {
			t.Errorf("cookie %s over HTTPS: Secure=%v Path=%q Domain=%q, want a __Host- cookie", ck.Name, ck.Secure, ck.Path, ck.Domain)
		}
	}
	if c.Cookie("__Host-extranet_csrf") == "" {
		t.Errorf("no __Host-extranet_csrf cookie: %v", res.Header.Values("Set-Cookie"))
	}
	res = c.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Demo-assmat1"))
	for _, ck := range res.Cookies() {
		if !ck.Secure || !strings.HasPrefix(ck.Name, "__Host-") || ck.Path != "/" || ck.Domain != "" {
			t.Errorf("cookie %s over HTTPS: Secure=%v Path=%q Domain=%q, want a __Host- cookie", ck.Name, ck.Secure, ck.Path, ck.Domain)
		}
		if ck.Name == "__Host-extranet_session" && (!ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode) {
			t.Errorf("session cookie over HTTPS: HttpOnly=%v SameSite=%v", ck.HttpOnly, ck.SameSite)
		}
	}
	session := c.Cookie("__Host-extranet_session")
	if session == "" {
		t.Fatal("no __Host-extranet_session cookie")
	}
	if c.Cookie("__Host-extranet_appareil") == "" {
		t.Error("no __Host-extranet_appareil (trusted device) cookie after the sign-in")
	}
	if hsts := res.Header.Get("Strict-Transport-Security"); hsts == "" {
		t.Error("no HSTS over HTTPS")
	}
	if res := c.Get("/"); res.StatusCode != http.StatusOK {
		t.Errorf("dashboard with the __Host- session: %d", res.StatusCode)
	}
	// An agent's session too.
	agent := env.Client()
	agent.Get("/back-office/connexion")
	res = agent.Submit("/back-office/connexion", apptest.Values("email", demo.AgentLogin.Identifiant, "mot_de_passe", demo.AgentLogin.Password))
	if res.StatusCode != http.StatusSeeOther || agent.Cookie("__Host-extranet_agent") == "" {
		t.Errorf("agent sign-in over HTTPS: %d, cookies %v", res.StatusCode, res.Header.Values("Set-Cookie"))
	}
	for _, ck := range res.Cookies() {
		if !ck.Secure || !strings.HasPrefix(ck.Name, "__Host-") || ck.Path != "/" || ck.Domain != "" {
			t.Errorf("agent's cookie %s over HTTPS: Secure=%v Path=%q Domain=%q", ck.Name, ck.Secure, ck.Path, ck.Domain)
		}
	}
	// The same session under the plain name, as another site of the domain
	// could set it: not a session here.
	planted := env.Client()
	planted.SetCookie("extranet_session", session)
	if res := planted.Get("/"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("a plain-named session cookie over HTTPS opened the dashboard: %d", res.StatusCode)
	}
}
