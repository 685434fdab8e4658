package agentauth_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/agentauth"
	"github.com/departement06/extranet-assmat/app/apptest"
)

func TestAgentSignsInAndOut(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	res := c.Get("/back-office/connexion")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("sign-in page: %d", res.StatusCode)
	}
	if got := res.Doc.Find("title").Text(); got != "Connexion des agents – Back office – Département des Alpes-Maritimes" {
		t.Errorf("title %q", got)
	}
	if res.Doc.Find(`nav.menu`).Length() != 0 {
		t.Error("an anonymous visitor sees the back office's menu")
	}
	signIn(t, c, strings.ToUpper(agentEmail), agentPassword) // the email in any case
	if c.Cookie("extranet_agent") == "" || c.Cookie("extranet_session") != "" {
		t.Errorf("cookies after an agent's sign-in: agent %q, childminder %q", c.Cookie("extranet_agent"), c.Cookie("extranet_session"))
	}
	home := c.Get("/back-office")
	if got := home.Doc.Find(`nav.menu summary`).Text(); got != "CLAIRE MARTIN (AGENT)" {
		t.Errorf("menu label %q", got)
	}
	for _, want := range []string{"ASSISTANTS MATERNELS", "MESSAGES", "DOCUMENTS UTILES", "JOURNAL", "Mon compte", "Déconnexion"} {
		if !strings.Contains(home.Doc.Find("nav.menu").Text(), want) {
			t.Errorf("the menu lacks %q", want)
		}
	}
	var n int
	env.QueryRow(`SELECT count(*) FROM audit_log l JOIN agents a ON a.id = l.agent_id
		WHERE a.login = $1 AND l.action = 'connexion' AND l.details->>'adresse_ip' <> ''`, []any{agentEmail}, &n)
	if n != 1 {
		t.Errorf("%d sign-in lines in the audit log, want 1", n)
	}

	res = c.Submit("/back-office/deconnexion", nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/back-office/connexion" {
		t.Fatalf("sign-out: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if c.Cookie("extranet_agent") != "" {
		t.Error("the agent's cookie survived the sign-out")
	}
	if res := c.Get("/back-office/connexion"); !strings.Contains(res.Text(), "Vous êtes déconnecté(e) du back office.") {
		t.Errorf("no sign-out notice: %s", res.Text())
	}
	if res := c.Get("/back-office"); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/back-office/connexion" {
		t.Errorf("home after sign-out: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
}

// A wrong password, an unknown address and empty fields: the form comes back
// (422) with one generic message for the first two, plain and htmx; no
// session, no audit line.
func TestAgentSignInRefusals(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	for _, htmx := range []bool{false, true} {
		c := env.Client()
		c.Get("/back-office/connexion")
		for _, tc := range []struct{ name, email, password, want string }{
			{"wrong password", agentEmail, "Mauvais-1", "Adresse email ou mot de passe incorrect."},
			{"unknown email", "personne@demo.local", agentPassword, "Adresse email ou mot de passe incorrect."},
			{"a childminder's login", "100001", "Demo-assmat1", "Adresse email ou mot de passe incorrect."},
			{"nothing typed", "", "", "Veuillez saisir votre adresse email."},
		} {
			res := c.Submit("/back-office/connexion", apptest.Values("email", tc.email, "mot_de_passe", tc.password), apptest.HTMXIf(htmx)...)
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), tc.want) {
				t.Errorf("%s (htmx=%v): %d %q", tc.name, htmx, res.StatusCode, res.Text())
			}
			if page := strings.Contains(res.Body, "<html"); page == htmx {
				t.Errorf("%s (htmx=%v): full page = %v", tc.name, htmx, page)
			}
			if htmx && !strings.HasPrefix(res.Body, "<title>Erreur – Connexion des agents – Back office") {
				t.Errorf("%s: the htmx answer does not retitle the tab: %.80q", tc.name, res.Body)
			}
			if res.Doc.Find(`#agent-mot-de-passe`).AttrOr("value", "") != "" {
				t.Errorf("%s: the password comes back", tc.name)
			}
			if c.Cookie("extranet_agent") != "" {
				t.Fatalf("%s: a session after a refusal", tc.name)
			}
		}
	}
	var n int
	env.QueryRow(`SELECT count(*) FROM audit_log`, nil, &n)
	if n != 0 {
		t.Errorf("%d audit lines after refused sign-ins", n)
	}
}

// htmx: a successful sign-in answers HX-Redirect; without JavaScript,
// "Afficher le mot de passe" brings the form back with the password shown.
func TestAgentSignInWithHTMXAndShowPassword(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Get("/back-office/connexion")
	res := c.Submit("/back-office/connexion", apptest.Values("email", agentEmail, "mot_de_passe", agentPassword, "action", "afficher"))
	if res.StatusCode != http.StatusOK || res.Doc.Find(`#agent-mot-de-passe`).AttrOr("type", "") != "text" ||
		res.Doc.Find(`#agent-mot-de-passe`).AttrOr("value", "") != agentPassword {
		t.Errorf("show password: %d, type %q", res.StatusCode, res.Doc.Find(`#agent-mot-de-passe`).AttrOr("type", ""))
	}
	if c.Cookie("extranet_agent") != "" {
		t.Fatal("showing the password signed in")
	}
	res = c.Submit("/back-office/connexion", apptest.Values("email", agentEmail, "mot_de_passe", agentPassword), apptest.HTMX)
	if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/back-office" {
		t.Fatalf("htmx sign-in: %d %q", res.StatusCode, res.Header.Get("HX-Redirect"))
	}
	if res := c.Get("/back-office/connexion", apptest.HTMX); res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/back-office" {
		t.Errorf("sign-in page when signed in (htmx): %d %q", res.StatusCode, res.Header.Get("HX-Redirect"))
	}
	c.Get("/back-office")
	res = c.Submit("/back-office/deconnexion", nil, apptest.HTMX)
	if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/back-office/connexion" {
		t.Errorf("htmx sign-out: %d %q", res.StatusCode, res.Header.Get("HX-Redirect"))
	}
	if res := c.Get("/back-office/mon-compte"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("Mon compte after the htmx sign-out: %d", res.StatusCode)
	}
}

// 25 wrong passwords sent at once for one agent are checked exactly as 25
// sequential ones: 5 checked, 20 refused unchecked; then even the right
// password waits, and another agent still signs in.
func TestParallelWrongAgentPasswordsAreCountedAsSequentialOnes(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	const n = 25
	clients := make([]*apptest.Client, n)
	for i := range clients {
		clients[i] = env.Client()
		clients[i].Get("/back-office/connexion")
	}
	results := make(chan *apptest.Response, n)
	var wg sync.WaitGroup
	for _, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- c.Submit("/back-office/connexion", apptest.Values("email", agentEmail, "mot_de_passe", "Mauvais-1"))
		}()
	}
	wg.Wait()
	close(results)
	checked, refused := 0, 0
	for res := range results {
		switch {
		case strings.Contains(res.Text(), "Adresse email ou mot de passe incorrect"):
			checked++
		case res.StatusCode == http.StatusTooManyRequests && strings.Contains(res.Text(), "Trop de tentatives"):
			refused++
		default:
			t.Errorf("unexpected answer %d %q", res.StatusCode, res.Text())
		}
	}
	if checked != 5 || refused != n-5 {
		t.Errorf("%d checked and %d refused, want 5 and %d", checked, refused, n-5)
	}
	var failures int
	env.QueryRow(`SELECT failures FROM login_throttle WHERE key = $1`, []any{"agent:" + agentEmail}, &failures)
	if failures != 5 {
		t.Errorf("agent counter %d, want 5", failures)
	}
	c := clients[0]
	for _, htmx := range []bool{false, true} {
		res := c.Submit("/back-office/connexion", apptest.Values("email", agentEmail, "mot_de_passe", agentPassword), apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusTooManyRequests || c.Cookie("extranet_agent") != "" ||
			res.Doc.Find("#connexion-agent-blocage").Length() != 1 {
			t.Errorf("the right password while locked (htmx=%v): %d %q", htmx, res.StatusCode, res.Text())
		}
	}
	// Another agent is not locked by her colleague's counter.
	link, err := agentauth.CreateAgent(context.Background(), env.Pool, "autre.agent@example.fr", "Paul DURAND",
		env.Config.BaseURL, time.Hour, env.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	other := env.Client()
	setPassword(t, other, link, "Autre-agent9")
	signIn(t, other, "autre.agent@example.fr", "Autre-agent9")
	// After the wait, the right password opens the back office.
	env.Clock.Advance(61 * time.Second)
	signIn(t, c, agentEmail, agentPassword)
}
