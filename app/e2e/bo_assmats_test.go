package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// An agent gives 100003 (identifier only) her access, with JavaScript on
// and off: she finds "ASSMAT" by typing "assmat" and "la colle" (with
// JavaScript the results swap in place), finds 100003, opens her page,
// confirms, and gets the letter; with the letter's identifier and
// temporary password the childminder, in her own browser, goes through her
// first connection and reaches her dashboard. Every page is audited with axe-core and measured.
func TestAgentGivesAccessAndTheLetterWorks(t *testing.T) {
	for _, js := range modes() {
		env := apptest.New(t)
		base := env.Serve()
		p := NewPage(t, js)
		check := func(name string) {
			p.Audit(name)
			t.Logf("[%s] %s", p.Mode(), p.Layout(name))
		}
		p.Open(base + "/back-office/connexion")
		p.Fill("#agent-email", "agent@demo.local")
		p.Fill("#agent-mot-de-passe", "Demo-agent1")
		p.Click("button.btn--primary")
		p.WaitFor("nav.menu")
		p.Click(`nav.menu a[href="/back-office/assistants-maternels"]`)
		p.WaitFor("#recherche-assmats")
		check("childminder search")

		p.Eval(`window.__samePage = "yes"`)
		for _, search := range []string{"assmat", "la colle"} {
			p.Eval(`document.querySelector("#recherche-assmats").value = ""`)
			p.Fill("#recherche-assmats", search)
			p.Click("form.bo-search button[type=submit]")
			waitSummary(t, p, search)
			if got := p.Text("#resultats-assmats tbody"); !strings.Contains(got, "ASSMAT Gertrude") {
				t.Errorf("[%s] %q found %q", p.Mode(), search, got)
			}
			if !strings.Contains(p.URL(), "recherche=") {
				t.Errorf("[%s] the search's URL %s", p.Mode(), p.URL())
			}
		}
		if swapped := p.Eval(`String(window.__samePage)`) == "yes"; swapped != js {
			t.Errorf("[%s] results swapped in place = %v, want %v", p.Mode(), swapped, js)
		}
		check("childminder search with results")

		p.Eval(`document.querySelector("#recherche-assmats").value = ""`)
		p.Fill("#recherche-assmats", "100003")
		p.Click("form.bo-search button[type=submit]")
		waitSummary(t, p, "100003")
		p.Click(`#resultats-assmats a[href="/back-office/assistants-maternels/100003"]`)
		p.WaitFor("#compte-titre")
		if got := p.Text("main"); !strings.Contains(got, "Monsieur Marcel SANSMOTDEPASSE (identifiant 100003)") {
			t.Errorf("[%s] her page's heading %q", p.Mode(), got)
		}
		check("a childminder's page")

		p.Click(`a[href="/back-office/assistants-maternels/100003/acces"]`)
		p.WaitFor("#confirmation-titre")
		check("give access: confirmation")
		p.Click("main form .btn--primary")
		p.WaitFor("#mot-de-passe-temporaire")
		password := strings.TrimSpace(p.Text("#mot-de-passe-temporaire"))
		letter := p.Text(".letter")
		for _, want := range []string{"Identifiant (code utilisateur) : 100003", env.Config.BaseURL, "Première connexion"} {
			if !strings.Contains(letter, want) {
				t.Errorf("[%s] the letter does not say %q: %s", p.Mode(), want, letter)
			}
		}
		check("the letter")

		// The childminder, at home with the letter: a browser of her own.
		m := NewPage(t, js)
		login(m, base, "100003", password)
		m.WaitFor("#changement")
		m.Fill("#mot-de-passe-actuel", password)
		m.Fill("#mot-de-passe", "Marcel-2026a")
		m.Fill("#verification", "Marcel-2026a")
		m.Click(".btn--success")
		m.WaitFor(".notice")
		login(m, base, "100003", "Marcel-2026a")
		m.WaitFor("#infos-titre")
		if got := m.Text("main"); !strings.Contains(got, "SANSMOTDEPASSE") {
			t.Errorf("[%s] her dashboard: %s", m.Mode(), got)
		}
	}
}

// waitSummary waits until the results say they are those of search: an
// htmx form drops a submission while its previous request is in flight, so
// each search waits for its own results before the next.
func waitSummary(t *testing.T, p *Page, search string) {
	t.Helper()
	want := "pour « " + search + " »"
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		// Read in one evaluation: htmx may swap the region between two calls.
		if strings.Contains(p.Eval(`(document.querySelector(".bo-summary") || {}).textContent || ""`), want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("[%s] no results %q after 10 s: %s", p.Mode(), want, p.Text("main"))
		}
	}
}
