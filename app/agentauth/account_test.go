package agentauth_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// Mon compte: the form's errors plain and htmx; a wrong current password;
// then a change that keeps this session, ends the agent's other sessions,
// and makes the new password the one that signs in.
func TestAgentChangesHerPassword(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c, other := env.Client(), env.Client()
	signIn(t, c, agentEmail, agentPassword)
	signIn(t, other, agentEmail, agentPassword)
	page := c.Get("/back-office/mon-compte")
	if page.StatusCode != http.StatusOK || !strings.Contains(page.Text(), agentEmail) || !strings.Contains(page.Text(), "Claire MARTIN") {
		t.Fatalf("Mon compte: %d %q", page.StatusCode, page.Text())
	}
	change := func(current, next, confirmation string, hdr ...apptest.Header) *apptest.Response {
		return c.Submit("/back-office/mon-compte/mot-de-passe", apptest.Values(
			"mot_de_passe_actuel", current, "nouveau_mot_de_passe", next, "confirmation", confirmation), hdr...)
	}
	for _, htmx := range []bool{false, true} {
		res := change("", "court", "autre", apptest.HTMXIf(htmx)...)
		for _, want := range []string{"Veuillez saisir votre mot de passe actuel", "Mot de passe non conforme", "n'est pas identique"} {
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), want) {
				t.Errorf("invalid form (htmx=%v): %d, want %q in %q", htmx, res.StatusCode, want, res.Text())
			}
		}
		if got := res.Doc.Find("#changer-mot-de-passe-agent").Length(); got != 1 {
			t.Errorf("invalid form (htmx=%v): %d password sections", htmx, got)
		}
		res = change("Mauvais-1", "Nouveau-2025", "Nouveau-2025", apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), "Le mot de passe actuel est incorrect") {
			t.Errorf("wrong current password (htmx=%v): %d %q", htmx, res.StatusCode, res.Text())
		}
	}
	var failures int
	env.QueryRow(`SELECT failures FROM login_throttle WHERE key = $1`, []any{"agent-cur:" + agentEmail}, &failures)
	if failures != 2 {
		t.Errorf("current-password counter %d, want 2", failures)
	}

	env.Clock.Advance(time.Second)
	res := change(agentPassword, "Nouveau-2025", "Nouveau-2025", apptest.HTMX)
	if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/back-office/mon-compte" {
		t.Fatalf("change (htmx): %d %q %q", res.StatusCode, res.Header.Get("HX-Redirect"), res.Text())
	}
	if res := c.Get("/back-office/mon-compte"); res.StatusCode != http.StatusOK ||
		!strings.Contains(res.Text(), "Vos sessions ouvertes sur d'autres appareils sont fermées") {
		t.Errorf("this session after the change: %d %q", res.StatusCode, res.Text())
	}
	res = other.Get("/back-office/mon-compte")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/back-office/connexion" {
		t.Fatalf("the other session after the change: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res := other.Get("/back-office/connexion"); !strings.Contains(res.Text(), "Votre session a pris fin") {
		t.Errorf("the other session's notice: %q", res.Text())
	}
	other.Submit("/back-office/connexion", apptest.Values("email", agentEmail, "mot_de_passe", agentPassword))
	if other.Cookie("extranet_agent") != "" {
		t.Error("the old password still signs in")
	}
	signIn(t, other, agentEmail, "Nouveau-2025")
}

// The agents' session ends after 15 minutes without a request (with the
// inactivity notice, plain and htmx), and 8 hours after sign-in however
// active. Each request within 15 minutes keeps it alive.
func TestAgentSessionExpiry(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	signIn(t, c, agentEmail, agentPassword)
	env.Clock.Advance(14 * time.Minute)
	if res := c.Get("/back-office"); res.StatusCode != http.StatusOK {
		t.Fatalf("after 14 idle minutes: %d", res.StatusCode)
	}
	env.Clock.Advance(15*time.Minute + time.Second)
	res := c.Get("/back-office", apptest.HTMX)
	if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/back-office/connexion" {
		t.Fatalf("after 15 idle minutes (htmx): %d %q", res.StatusCode, res.Header.Get("HX-Redirect"))
	}
	if res := c.Get("/back-office/connexion"); !strings.Contains(res.Text(), "après une période d'inactivité") {
		t.Errorf("no inactivity notice: %q", res.Text())
	}

	signIn(t, c, agentEmail, agentPassword)
	for elapsed := time.Duration(0); elapsed < 8*time.Hour-10*time.Minute; elapsed += 10 * time.Minute {
		env.Clock.Advance(10 * time.Minute)
		if res := c.Get("/back-office"); res.StatusCode != http.StatusOK {
			t.Fatalf("active for %s: %d", elapsed+10*time.Minute, res.StatusCode)
		}
	}
	env.Clock.Advance(10*time.Minute + time.Second)
	res = c.Get("/back-office")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/back-office/connexion" {
		t.Fatalf("8 hours after sign-in: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res := c.Get("/back-office/connexion"); !strings.Contains(res.Text(), "Votre session a pris fin") {
		t.Errorf("no end-of-session notice: %q", res.Text())
	}
}

// A disabled agent's session ends at her next request.
func TestDisabledAgentLosesHerSession(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	signIn(t, c, agentEmail, agentPassword)
	if _, err := env.Pool.Exec(t.Context(), `UPDATE agents SET disabled_at = now() WHERE login = $1`, agentEmail); err != nil {
		t.Fatal(err)
	}
	if res := c.Get("/back-office"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("a disabled agent's page: %d", res.StatusCode)
	}
	c.Get("/back-office/connexion")
	if res := c.Submit("/back-office/connexion", apptest.Values("email", agentEmail, "mot_de_passe", agentPassword)); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a disabled agent's sign-in: %d", res.StatusCode)
	}
}
