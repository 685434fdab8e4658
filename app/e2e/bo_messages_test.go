package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// An agent sends a personal message to 100001, with JavaScript on and off:
// she finds her by her identifier, previews the message (her own page's
// rendering: the paragraphs and the link), sends it, sees it in the sent
// list; 100001 then finds it unread in her mailbox, with its link, and has
// its email. The back office's pages on the way (the form, the preview, the
// list, Documents utiles, the journal) are audited with axe-core and measured.
func TestAgentSendsAPersonalMessageSheReceives(t *testing.T) {
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
		p.Click(`nav.menu a[href="/back-office/messages"]`)
		p.WaitFor("#messages-envoyes")
		check("sent messages")
		p.Click(`a[href="/back-office/messages/nouveau"]`)
		p.WaitFor("#message-recherche")
		check("message form")

		p.Eval(`window.__samePage = "yes"`)
		p.Click("#message-destinataires-une")
		// A search that finds no one says so; with JavaScript the region is
		// swapped in place, the focus comes back to "Rechercher" and the
		// answer is repeated in the page's live region.
		p.Fill("#message-recherche", "zzzz")
		p.Click(`button[value="rechercher"]`)
		p.WaitFor(`#message-nouveau [role="status"]`)
		if js {
			if got := p.Eval(`document.activeElement ? document.activeElement.id : ""`); got != "message-rechercher" {
				t.Errorf("[%s] focus after the search on %q, want the search button", p.Mode(), got)
			}
			said := `document.getElementById("annonces").textContent`
			for deadline := time.Now().Add(2 * time.Second); !strings.Contains(p.Eval(said), "Aucun assistant maternel ne correspond"); {
				if time.Now().After(deadline) {
					t.Errorf("[%s] the live region says %q after the search", p.Mode(), p.Eval(said))
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
		}
		p.Fill("#message-recherche", "100001")
		p.Click(`button[value="rechercher"]`)
		p.WaitFor(`input[name="assmat"]:checked`)
		check("message form with the search's result")
		p.Fill("#message-expediteur", "Service de PMI")
		p.Fill("#message-objet-saisi", "Votre dossier 4F7")
		// An empty text area has no text node for Fill's Clear: keys only.
		p.Do(chromedp.SendKeys(chromedp.CSS("#message-texte"), "Bonjour,\n\nVotre dossier est complet.\nVoir https://www.departement06.fr/pmi.\n\nCordialement."))
		p.Click(`button[value="previsualiser"]`)
		p.WaitFor(".bo-preview")
		if got := p.Count(".bo-preview .message__body p"); got != 3 {
			t.Errorf("[%s] preview's paragraphs: %d", p.Mode(), got)
		}
		if got := p.Attr(".bo-preview .message__body a", "href"); got != "https://www.departement06.fr/pmi" {
			t.Errorf("[%s] preview's link %q", p.Mode(), got)
		}
		if swapped := p.Eval(`String(window.__samePage)`) == "yes"; swapped != js {
			t.Errorf("[%s] steps swapped in place = %v, want %v", p.Mode(), swapped, js)
		}
		check("message preview")
		preview := p.Eval(`document.querySelector(".bo-preview .message__body").innerHTML`)
		p.Click(`button[value="envoyer"]`)
		p.WaitFor(".notice")
		if got := p.Text("#messages-envoyes tbody tr"); !strings.Contains(got, "Votre dossier 4F7") || !strings.Contains(got, "Non lu") {
			t.Errorf("[%s] sent list's first row %q", p.Mode(), got)
		}
		p.Open(base + "/back-office/documents-utiles")
		p.WaitFor("#documents-liste")
		check("documents utiles (back office)")
		p.Open(base + "/back-office/journal?action=message-envoye")
		p.WaitFor("#journal")
		if got := p.Text("#journal tbody"); !strings.Contains(got, "Message envoyé") || !strings.Contains(got, "100001") {
			t.Errorf("[%s] journal %q", p.Mode(), got)
		}
		check("journal filtered")

		login(p, base, "100001", "Demo-assmat1")
		p.WaitFor("#infos-titre")
		p.Open(base + "/messages")
		row := `tr.messages__unread a[href^="/messages/"]`
		p.WaitFor(row)
		if got := p.Text("tr.messages__unread"); !strings.Contains(got, "Votre dossier 4F7") {
			t.Fatalf("[%s] her first unread message %q", p.Mode(), got)
		}
		p.Click(row)
		p.WaitFor(".message__body")
		if got := p.Eval(`document.querySelector(".message__body").innerHTML`); got != preview {
			t.Errorf("[%s] her message differs from the preview:\n%s\n%s", p.Mode(), got, preview)
		}
		mails := env.WaitEmails(1)
		if len(mails) != 1 || mails[0].To != "gertrude.assmat@example.fr" || strings.Contains(mails[0].Text, "4F7") {
			t.Errorf("[%s] emails %+v", p.Mode(), mails)
		}
	}
}
