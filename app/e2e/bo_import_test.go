package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// An agent imports Genesis's sample from the back office, JavaScript on and
// off: she checks it without importing (with JavaScript, the status region
// said "Envoi…" then "Traitement…" and the report came in place), imports
// it, then sends a copy with two broken rows (refused, both lines in the
// table); axe on each report.
func TestAgentImportsGenesisSample(t *testing.T) {
	sample, err := filepath.Abs("../genesis/testdata/genesis-exemple.csv")
	if err != nil {
		t.Fatal(err)
	}
	content, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(content), "\n")
	lines[2] = strings.Replace(lines[2], "05/11/1985", "31/02/1985", 1)
	lines[5] = strings.Replace(lines[5], ";06300;", ";6300;", 1)
	broken := filepath.Join(t.TempDir(), "genesis-casse.csv")
	if err := os.WriteFile(broken, []byte(strings.Join(lines, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, js := range modes() {
		env := apptest.New(t)
		base := env.Serve()
		p := NewPage(t, js)
		p.Open(base + "/back-office/connexion")
		p.Fill("#agent-email", "agent@demo.local")
		p.Fill("#agent-mot-de-passe", "Demo-agent1")
		p.Click("button.btn--primary")
		p.WaitFor("nav.menu")
		p.Open(base + "/back-office/import")
		p.Audit("import page")
		upload := func(file, button string) {
			t.Helper()
			// The last report's heading goes first: waiting for it must
			// wait for the new one (without JavaScript, a new page).
			p.Eval(`var old = document.getElementById("import-rapport-titre"); if (old) old.remove();
				window.__samePage = "yes"; window.__statuses = [];
				new MutationObserver(function () { window.__statuses.push(document.getElementById("import-etat").textContent) })
					.observe(document.getElementById("import-etat"), {childList: true, characterData: true, subtree: true}); ""`)
			p.Do(chromedp.SetUploadFiles(chromedp.CSS("#import-fichier"), []string{file}))
			p.Click(button)
			p.WaitFor("#import-rapport-titre")
			p.settled()
			if same := p.Eval(`String(window.__samePage)`) == "yes"; same != js {
				t.Errorf("[%s] report in place = %v, want %v", p.Mode(), same, js)
			}
			if js {
				got := p.Eval(`window.__statuses.join(" > ")`)
				if i, j := strings.Index(got, "Envoi…"), strings.Index(got, "Traitement…"); i < 0 || j < i {
					t.Errorf("[%s] status region said %q, want Envoi… then Traitement…", p.Mode(), got)
				}
			}
		}

		upload(sample, `button[value="verifier"]`)
		if got := p.Text("#import-rapport-titre"); got != "Vérification sans import" {
			t.Errorf("[%s] dry run heading %q", p.Mode(), got)
		}
		p.Audit("import: dry run report")

		upload(sample, `button[value="importer"]`)
		if got := p.Text("#import-rapport-titre"); got != "Import terminé" || !strings.Contains(p.Text("main"), "10 créés") {
			t.Errorf("[%s] import: %q %q", p.Mode(), got, p.Text("main"))
		}

		upload(broken, `button[value="importer"]`)
		if got := p.Text("#import-rapport-titre"); got != "Fichier refusé" {
			t.Errorf("[%s] broken file heading %q", p.Mode(), got)
		}
		if rows := p.Eval(`Array.from(document.querySelectorAll(".bo-import-report tbody th")).map(function (th) { return th.textContent }).join(",")`); rows != "3,6" {
			t.Errorf("[%s] problem lines %q, want 3,6", p.Mode(), rows)
		}
		p.Audit("import: refused file")
		t.Logf("[%s] %s", p.Mode(), p.Layout("import: refused file"))
	}
}
