package agentauth_test

import (
	"net/http"
	"strings"
	"testing"

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
