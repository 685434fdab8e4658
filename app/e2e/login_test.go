package e2e

import (
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// The foundation's flow as a person does it, with JavaScript on and off:
// anonymous → login page, a failed attempt, the password toggle, login,
// dashboard, the account menu, logout. Every page is audited with axe-core.
func TestLoginDashboardLogout(t *testing.T) {
	env := apptest.New(t)
	base := env.Serve()
	for _, js := range []bool{true, false} {
		p := NewPage(t, js)
		p.Open(base + "/")
		if !strings.HasSuffix(p.URL(), "/connexion") {
			t.Fatalf("[%s] anonymous visitor at %s, want the login page", p.Mode(), p.URL())
		}
		p.Audit("login page")

		// A wrong password: the French error, what was typed is kept.
		p.Eval(`window.__samePage = "yes"`)
		p.Fill("#identifiant", "100001")
		p.Fill("#mot-de-passe", "Mauvais-1")
		p.Click("button.btn--primary")
		p.WaitFor("#erreurs")
		if got := p.Text("#erreurs"); got != "ERREUR : Identifiant ou mot de passe incorrect." {
			t.Errorf("[%s] error banner %q", p.Mode(), got)
		}
		if v := p.Value("#identifiant"); v != "100001" {
			t.Errorf("[%s] identifier lost: %q", p.Mode(), v)
		}
		swapped := p.Eval(`String(window.__samePage)`) == "yes"
		if swapped != js {
			t.Errorf("[%s] error shown in place = %v, want %v (htmx swap only with JS)", p.Mode(), swapped, js)
		}
		p.Audit("login page with an error")

		// "Afficher le mot de passe" shows what was typed, and hides it again.
		p.Fill("#mot-de-passe", "Demo-assmat1")
		p.Click("[data-toggle-password]")
		p.WaitFor(`#mot-de-passe[type="text"]`)
		if v := p.Value("#mot-de-passe"); v != "Demo-assmat1" {
			t.Errorf("[%s] password after showing it: %q", p.Mode(), v)
		}
		if pressed := p.Attr("[data-toggle-password]", "aria-pressed"); pressed != "true" {
			t.Errorf("[%s] toggle aria-pressed %q", p.Mode(), pressed)
		}
		p.Click("[data-toggle-password]")
		p.WaitFor(`#mot-de-passe[type="password"]`)

		// Login: the dashboard with the personal information.
		p.Click("button.btn--primary")
		p.WaitFor("#infos-titre")
		info := p.Text("main")
		for _, want := range []string{"Mes informations personnelles", "ASSMAT", "Gertrude", "02/02/1990", "Concubinage"} {
			if !strings.Contains(info, want) {
				t.Errorf("[%s] dashboard lacks %q: %s", p.Mode(), want, info)
			}
		}
		if title := p.Eval(`document.title`); !strings.HasPrefix(title, "Tableau de bord") {
			t.Errorf("[%s] dashboard title %q", p.Mode(), title)
		}
		p.Audit("dashboard")

		// The account menu opens without JavaScript (a <details>) and logs out with a POST.
		p.Click(".menu__item--account summary")
		p.WaitFor(".menu__item--account details[open]")
		p.Audit("dashboard with the account menu open")
		p.Click(".menu__button")
		p.WaitFor("#connexion")
		if got := p.Text(".notice"); got != "Vous êtes déconnecté(e)." {
			t.Errorf("[%s] logout notice %q", p.Mode(), got)
		}
		p.Open(base + "/")
		if !strings.HasSuffix(p.URL(), "/connexion") {
			t.Errorf("[%s] after logout the dashboard is at %s", p.Mode(), p.URL())
		}
	}
}
