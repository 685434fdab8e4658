package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// Gertrude's mailbox as a new user uses it, with JavaScript on and off: the
// received / archived menu (htmx swaps the list in place and the back button
// returns to the previous view), a search, a sort both ways, archiving a row
// and restoring it, one message's page. axe audits each view.
func TestMessagesMailbox(t *testing.T) {
	const weather = "attention regardez la météo pour les alertes orange ou rouges"
	for _, js := range modes() {
		env := apptest.New(t)
		base := env.Serve()
		var id int64
		env.QueryRow(`SELECT id FROM messages WHERE subject = $1`, []any{weather}, &id)
		row := "#message-" + strconv.FormatInt(id, 10)
		p := NewPage(t, js)
		login(p, base, "100001", "Demo-assmat1")
		p.WaitFor("#infos-titre")
		p.Click(`.menu a[href="/messages"]`)
		p.WaitFor("#messages-titre")
		p.Audit("messages list")
		if got := p.Text("#messages-titre"); got != "Messages reçus" {
			t.Errorf("[%s] heading %q", p.Mode(), got)
		}
		if n := p.Count("#messages tbody tr"); n != 20 {
			t.Errorf("[%s] %d rows on the first page, want 20", p.Mode(), n)
		}
		p.Eval(`window.__samePage = "yes"`)
		samePage := func(what string) {
			t.Helper()
			if js && p.Eval(`String(window.__samePage)`) != "yes" {
				t.Errorf("[JS on] %s reloaded the page instead of swapping the list", what)
			}
		}

		// The menu: a button (summary) that opens with the keyboard, then its link.
		p.Do(chromedp.Focus(chromedp.CSS(".messages__box summary")), chromedp.KeyEvent(kb.Enter))
		if open := p.Eval(`String(document.querySelector(".messages__box").open)`); open != "true" {
			t.Errorf("[%s] Enter on the button does not open the menu", p.Mode())
		}
		// Focus rings, and no sideways scrolling at 320 px or 200 % text, menu open.
		t.Logf("[%s] %s", p.Mode(), p.Layout("messages list, box menu open"))
		// (Moving the focus around closes the menu, as leaving it does.)
		if p.Eval(`String(document.querySelector(".messages__box").open)`) != "true" {
			p.Click(".messages__box summary")
		}
		p.Click("#boite-archives")
		p.WaitFor(`#boite-archives[aria-current="page"]`)
		samePage("the archived box")
		if js {
			p.settled()
			if got := p.Eval(`document.activeElement.id`); got != "messages-titre" {
				t.Errorf("[JS on] after switching box, the focus is on %q, not the list's heading", got)
			}
		}
		if got := p.Text("#messages-titre"); got != "Messages archivés" {
			t.Errorf("[%s] after the menu: heading %q", p.Mode(), got)
		}
		if u := p.URL(); !strings.HasSuffix(u, "/messages?boite=archives") {
			t.Errorf("[%s] the archived box's address is %s", p.Mode(), u)
		}
		if n := p.Count("#messages tbody tr"); n != 1 {
			t.Errorf("[%s] %d archived rows, want 1", p.Mode(), n)
		}
		p.Audit("archived messages")

		// Back after the swap: the received list again, at its address (htmx
		// pushed the archived box's URL). Without JavaScript there was no
		// swap: back is the browser's own (and chromedp loses track of a page
		// restored without scripts), so it is checked with JavaScript only.
		if js {
			p.Eval(`(function(){ history.back(); return "" })()`)
			p.WaitFor(`#boite-recus[aria-current="page"]`)
			if got, u := p.Text("#messages-titre"), p.URL(); got != "Messages reçus" || !strings.HasSuffix(u, "/messages") {
				t.Errorf("[%s] back: %q at %s", p.Mode(), got, u)
			}
			if n := p.Count("#messages tbody tr"); n != 20 {
				t.Errorf("[%s] back: %d rows, want 20", p.Mode(), n)
			}
		} else {
			p.Open(base + "/messages")
		}

		// A search, without accents or capitals.
		p.Eval(`window.__samePage = "yes"`)
		p.Fill("#recherche-messages", "METEO")
		p.Click(`form[role="search"] button[type="submit"]`)
		p.WaitFor(`#recherche-messages[value="METEO"]`)
		samePage("the search")
		if n, subject := p.Count("#messages tbody tr"), p.Text("#messages tbody tr td:nth-child(4)"); n != 1 || !strings.Contains(subject, weather) {
			t.Errorf("[%s] search METEO: %d rows, %q", p.Mode(), n, subject)
		}
		if u := p.URL(); !strings.Contains(u, "recherche=METEO") {
			t.Errorf("[%s] the search is not in the address: %s", p.Mode(), u)
		}
		p.Audit("messages search")
		p.Click("#effacer-recherche")
		p.WaitFor(`#recherche-messages[value=""]`)

		// Sort by subject, then reverse it.
		p.Click("#tri-objet")
		p.WaitFor(`th[aria-sort="ascending"] #tri-objet`)
		first := p.Text("#messages tbody tr td:nth-child(4)")
		p.Click("#tri-objet")
		p.WaitFor(`th[aria-sort="descending"] #tri-objet`)
		samePage("the sort")
		if last := p.Text("#messages tbody tr td:nth-child(4)"); last == first {
			t.Errorf("[%s] reversing the subject order kept %q first", p.Mode(), first)
		}
		if u := p.URL(); !strings.Contains(u, "tri=objet") || !strings.Contains(u, "ordre=decroissant") {
			t.Errorf("[%s] the sort is not in the address: %s", p.Mode(), u)
		}

		// Archive the weather message from its row (received, newest first: page 1).
		p.Open(base + "/messages")
		p.Eval(`window.__samePage = "yes"`)
		p.Click(row + " button")
		if js {
			p.Gone(row)
			samePage("archiving a row")
			if got := p.Text("#messages-annonce"); got != "Message archivé." {
				t.Errorf("[JS on] status after archiving: %q", got)
			}
			p.settled()
			if got := p.Eval(`document.activeElement.id`); got != "messages-titre" {
				t.Errorf("[JS on] after archiving, the focus is on %q, not the list's heading", got)
			}
		} else {
			// The form's answer is a new page (the old one had the mark).
			for deadline := time.Now().Add(10 * time.Second); p.Eval(`String(window.__samePage)`) == "yes"; {
				if time.Now().After(deadline) {
					t.Fatalf("[JS off] archiving did not load a new page")
				}
				time.Sleep(20 * time.Millisecond)
			}
			p.WaitFor("#messages-titre")
			if p.Count(row) != 0 {
				t.Errorf("[JS off] the archived row is still listed")
			}
		}
		p.Open(base + "/messages?boite=archives")
		p.WaitFor(row)
		// Restore it from its page.
		p.Click(row + " a.btn")
		p.WaitFor("#message-objet")
		if got := p.Text("#message-objet"); got != weather {
			t.Errorf("[%s] message page: %q", p.Mode(), got)
		}
		p.Audit("message page")
		t.Logf("[%s] %s", p.Mode(), p.Layout("message page"))
		p.Click(`.message form button[type="submit"]`)
		p.WaitFor(`#boite-archives[aria-current="page"]`)
		if p.Count(row) != 0 {
			t.Errorf("[%s] the restored message is still archived", p.Mode())
		}
		p.Open(base + "/messages")
		p.WaitFor(row)
	}
}
