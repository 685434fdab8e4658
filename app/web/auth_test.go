package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

func sessionRows(t *testing.T, env *apptest.Env) int {
	t.Helper()
	var n int
	if err := env.Pool.QueryRow(context.Background(), "SELECT count(*) FROM sessions").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestLoginPageShowsTheFormAndCreatesNoSession(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	res := c.Get("/connexion")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{"Connexion", "Identifiant", "Mot de passe", "Afficher le mot de passe", "CONNEXION", "PREMIÈRE CONNEXION OU MOT DE PASSE OUBLIÉ ?"} {
		if !strings.Contains(res.Text(), want) {
			t.Errorf("login page lacks %q", want)
		}
	}
	if c.CSRF == "" {
		t.Error("login form has no _csrf field")
	}
	if got := res.Doc.Find(`label[for="identifiant"]`).Length(); got != 1 {
		t.Errorf("identifiant has %d labels", got)
	}
	if n := sessionRows(t, env); n != 0 {
		t.Errorf("an anonymous visit created %d session rows", n)
	}
	if c.Cookie("extranet_session") != "" {
		t.Error("an anonymous visit got a session cookie")
	}
}

func TestLoginSucceedsWithANewSessionAndReachesTheDashboard(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Get("/connexion")
	c.SetCookie("extranet_session", "a-session-id-chosen-by-an-attacker")
	res := c.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Demo-assmat1"))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		t.Fatalf("login: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	sid := c.Cookie("extranet_session")
	if sid == "" || sid == "a-session-id-chosen-by-an-attacker" {
		t.Fatalf("login must issue a new session id, got %q", sid)
	}
	setCookie := strings.Join(res.Header.Values("Set-Cookie"), "\n")
	if !strings.Contains(setCookie, "HttpOnly") || !strings.Contains(setCookie, "SameSite=Lax") {
		t.Errorf("session cookie lacks HttpOnly/SameSite: %s", setCookie)
	}
	page := c.Get("/")
	if page.StatusCode != http.StatusOK {
		t.Fatalf("dashboard: %d", page.StatusCode)
	}
	for _, want := range []string{"Mes informations personnelles", "Madame", "ASSMAT", "Gertrude", "02/02/1990", "Concubinage", "1 Route de la Colle 06480 La Colle-sur-Loup", "GERTRUDE ASSMAT (ASSISTANT MATERNEL)"} {
		if !strings.Contains(page.Text(), want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
}

func TestLoginFailsWithOneGenericFrenchError(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	cases := []struct{ name, login, password string }{
		{"wrong password", "100001", "Mauvais-1"},
		{"unknown identifier", "999999", "Demo-assmat1"},
		{"account without a password yet", "100003", "Nimporte-1"},
		{"injection", "' OR 1=1 --", "' OR '1'='1"},
		{"huge identifier", strings.Repeat("9", 10_000), "Demo-assmat1"},
	}
	for _, tc := range cases {
		for _, htmx := range []bool{false, true} {
			c := env.Client()
			c.Get("/connexion")
			res := c.Submit("/connexion", apptest.Values("identifiant", tc.login, "mot_de_passe", tc.password), apptest.HTMXIf(htmx)...)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("%s (htmx=%v): status %d", tc.name, htmx, res.StatusCode)
			}
			if !strings.Contains(res.Text(), "ERREUR : Identifiant ou mot de passe incorrect.") {
				t.Errorf("%s (htmx=%v): no generic error in %q", tc.name, htmx, res.Text())
			}
			isPage := res.Doc.Find("html").Length() > 0 && res.Doc.Find("header.site-header").Length() > 0
			if isPage == htmx {
				t.Errorf("%s (htmx=%v): full page = %v", tc.name, htmx, isPage)
			}
			if c.Cookie("extranet_session") != "" {
				t.Errorf("%s: a failed login got a session cookie", tc.name)
			}
		}
	}
	if n := sessionRows(t, env); n != 0 {
		t.Errorf("failed logins created %d session rows", n)
	}
}

func TestLoginWithEmptyFieldsSaysWhatIsMissing(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Get("/connexion")
	res := c.Submit("/connexion", apptest.Values("identifiant", "  ", "mot_de_passe", ""))
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{"Veuillez saisir votre identifiant.", "Veuillez saisir votre mot de passe."} {
		if !strings.Contains(res.Text(), want) {
			t.Errorf("missing %q", want)
		}
	}
}

func TestShowPasswordWithoutJavaScriptKeepsWhatWasTyped(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Get("/connexion")
	res := c.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Secret-1", "action", "afficher"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	input := res.Doc.Find("#mot-de-passe")
	if typ, _ := input.Attr("type"); typ != "text" {
		t.Errorf("password input type %q after asking to show it", typ)
	}
	if v, _ := input.Attr("value"); v != "Secret-1" {
		t.Errorf("password lost: %q", v)
	}
	if v, _ := res.Doc.Find("#identifiant").Attr("value"); v != "100001" {
		t.Errorf("identifier lost: %q", v)
	}
	if p, _ := res.Doc.Find("[data-toggle-password]").Attr("aria-pressed"); p != "true" {
		t.Errorf("toggle aria-pressed %q", p)
	}
	// Asking again hides it.
	res = c.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Secret-1", "mot_de_passe_visible", "1", "action", "afficher"))
	if typ, _ := res.Doc.Find("#mot-de-passe").Attr("type"); typ != "password" {
		t.Errorf("password input type %q after hiding it", typ)
	}
	if c.Cookie("extranet_session") != "" {
		t.Error("showing the password signed the visitor in")
	}
}

func TestLogoutEndsTheSession(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	for _, htmx := range []bool{false, true} {
		c := env.Client()
		c.Login("100001", "Demo-assmat1")
		sid := c.Cookie("extranet_session")
		c.Get("/")
		res := c.Submit("/deconnexion", nil, apptest.HTMXIf(htmx)...)
		if htmx {
			if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/connexion" {
				t.Fatalf("htmx logout: %d %q", res.StatusCode, res.Header.Get("HX-Redirect"))
			}
		} else if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/connexion" {
			t.Fatalf("logout: %d %q", res.StatusCode, res.Header.Get("Location"))
		}
		if c.Cookie("extranet_session") != "" {
			t.Error("the session cookie survived the logout")
		}
		page := c.Get("/connexion")
		if !strings.Contains(page.Text(), "Vous êtes déconnecté(e).") {
			t.Errorf("no logout notice: %q", page.Text())
		}
		// The old cookie replayed is worth nothing.
		c.SetCookie("extranet_session", sid)
		if res := c.Get("/"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("old session after logout: %d", res.StatusCode)
		}
	}
	if n := sessionRows(t, env); n != 0 {
		t.Errorf("%d session rows left after logout", n)
	}
}

func TestLogoutIsNotAGet(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	c.Get("/deconnexion")
	if res := c.Get("/"); res.StatusCode != http.StatusOK {
		t.Fatalf("a GET of the logout URL signed out: %d", res.StatusCode)
	}
}

// A missing identifier or password is tied to its input: the summary links
// to it and the input is marked invalid; the generic message stays the form's.
func TestLoginErrorsAreTiedToTheirFields(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Get("/connexion")
	for _, htmx := range []bool{false, true} {
		res := c.Submit("/connexion", apptest.Values("identifiant", "", "mot_de_passe", ""), apptest.HTMXIf(htmx)...)
		for _, id := range []string{"identifiant", "mot-de-passe"} {
			if inv, _ := res.Doc.Find("#" + id).Attr("aria-invalid"); inv != "true" {
				t.Errorf("htmx=%v: #%s not marked invalid", htmx, id)
			}
			if res.Doc.Find(`.error-banner a[href="#`+id+`"]`).Length() != 1 {
				t.Errorf("htmx=%v: the summary does not link to #%s", htmx, id)
			}
		}
		wrong := c.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Mauvais-1"), apptest.HTMXIf(htmx)...)
		if inv, _ := wrong.Doc.Find("#identifiant").Attr("aria-invalid"); inv == "true" {
			t.Errorf("htmx=%v: a wrong password marks the identifier invalid (it must not say which was wrong)", htmx)
		}
	}
}
