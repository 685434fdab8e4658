package e2e

import (
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// An agent's visit, with JavaScript on and off: the back office sends her to
// its sign-in; a wrong password (shown in place with JavaScript); the home
// page in the back office's layout, its menu; Mon compte's form with errors;
// sign-out from the menu. Every page is audited with axe-core and measured
// (focus rings, 320 px, 200 % text). A childminder's browser gets a 404.
func TestAgentSignInHomeAccountSignOut(t *testing.T) {
	env := apptest.New(t)
	base := env.Serve()
	for _, js := range modes() {
		p := NewPage(t, js)
		check := func(name string) {
			p.Audit(name)
			t.Logf("[%s] %s", p.Mode(), p.Layout(name))
		}
		p.Open(base + "/back-office")
		if !strings.HasSuffix(p.URL(), "/back-office/connexion") {
			t.Fatalf("[%s] anonymous visitor at %s, want the agents' sign-in", p.Mode(), p.URL())
		}
		check("agents' sign-in")

		p.Eval(`window.__samePage = "yes"`)
		p.Fill("#agent-email", "agent@demo.local")
		p.Fill("#agent-mot-de-passe", "Mauvais-1")
		p.Click("button.btn--primary")
		p.WaitFor("#erreurs")
		if got := p.Text("#erreurs"); got != "ERREUR : Adresse email ou mot de passe incorrect." {
			t.Errorf("[%s] error banner %q", p.Mode(), got)
		}
		if swapped := p.Eval(`String(window.__samePage)`) == "yes"; swapped != js {
			t.Errorf("[%s] error shown in place = %v, want %v", p.Mode(), swapped, js)
		}
		check("agents' sign-in with an error")

		p.Fill("#agent-mot-de-passe", "Demo-agent1")
		p.Click("button.btn--primary")
		// The signed-in agent's menu: the sign-in page has a menu too, and
		// reading it while the browser leaves it failed once.
		p.WaitFor(".menu__item--account")
		if got := p.Text("main h1"); got != "Bonjour Claire" {
			t.Errorf("[%s] home heading %q", p.Mode(), got)
		}
		if !strings.Contains(p.Text("header"), "Back office – Département des Alpes-Maritimes") {
			t.Errorf("[%s] header %q", p.Mode(), p.Text("header"))
		}
		check("back office's home")
		p.Click(".menu__item--account summary")
		check("back office's home, agent menu open")

		p.Open(base + "/back-office/mon-compte")
		p.Click("#changer-mot-de-passe-agent .btn--primary")
		p.WaitFor("#erreurs-mot-de-passe")
		check("agent's Mon compte with errors")

		p.Open(base + "/back-office")
		p.Click(".menu__item--account summary")
		p.Click(".menu__item--account .menu__button")
		p.WaitFor("#connexion-agent")
		if !strings.Contains(p.Text("main"), "Vous êtes déconnecté(e) du back office.") {
			t.Errorf("[%s] no sign-out notice: %q", p.Mode(), p.Text("main"))
		}

		login(p, base, "100001", "Demo-assmat1")
		p.WaitFor("#infos-titre")
		p.Open(base + "/back-office")
		if !strings.Contains(p.Text("main"), "Page introuvable") || p.Count(`a[href="/back-office/mon-compte"]`) != 0 {
			t.Errorf("[%s] a childminder at /back-office: %q", p.Mode(), p.Text("main"))
		}
		p.Click(".menu__item--account summary")
		p.Click(".menu__item--account .menu__button")
		p.WaitFor("#connexion")
	}
}
