package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// The demo mailbox of 100001 (app/demo/messages.go): 22 general messages
// (the seed's two unread) and 2 personal ones (one unread) received, and
// one archived.
const (
	demoReceived = 24
	weather      = "attention regardez la météo pour les alertes orange ou rouges"
	unreadOwn    = "Pièce manquante à votre dossier"
	readOwn      = "Visite de suivi de votre agrément"
	archivedDemo = "Enquête de satisfaction 2023 : merci de votre participation"
)

// messageRows are the rows of the list: each cell's text, by column.
type messageRowText struct {
	date, sender, recipient, subject string
	unread                           bool
	id                               string
}

func messageRows(t *testing.T, doc *goquery.Selection) []messageRowText {
	t.Helper()
	var out []messageRowText
	doc.Find("#messages table tbody tr").Each(func(_ int, tr *goquery.Selection) {
		td := tr.Find("td")
		subject := apptest.TextOf(td.Eq(3))
		unread := strings.HasPrefix(subject, "Non lu ")
		out = append(out, messageRowText{
			date: apptest.TextOf(td.Eq(0)), sender: apptest.TextOf(td.Eq(1)), recipient: apptest.TextOf(td.Eq(2)),
			subject: strings.TrimPrefix(subject, "Non lu "), unread: unread, id: tr.AttrOr("id", ""),
		})
	})
	return out
}

func signedInA(t *testing.T) (*apptest.Env, *apptest.Client) {
	t.Helper()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	return env, c
}

func messageID(t *testing.T, env *apptest.Env, subject string) int64 {
	t.Helper()
	var id int64
	env.QueryRow(`SELECT id FROM messages WHERE subject = $1`, []any{subject}, &id)
	return id
}

func mustStatus(t *testing.T, res *apptest.Response, want int, what string) {
	t.Helper()
	if res.StatusCode != want {
		t.Fatalf("%s: %d, want %d (Location %q, HX-Redirect %q)", what, res.StatusCode, want, res.Header.Get("Location"), res.Header.Get("HX-Redirect"))
	}
}

// The received messages are a table with a caption and column headers; each
// row's "Voir" names its subject; unread ones say it in words; the
// recipient says who the message is for.
func TestMessagesListIsATableOfTheReceivedMessages(t *testing.T) {
	t.Parallel()
	_, c := signedInA(t)
	res := c.Get("/messages")
	mustStatus(t, res, http.StatusOK, "/messages")
	region := res.Doc.Find("#messages")
	if got := apptest.TextOf(region.Find("h2")); got != "Messages reçus" {
		t.Errorf("heading %q", got)
	}
	if got := apptest.TextOf(region.Find("table caption")); !strings.Contains(got, "Messages reçus") || !strings.Contains(got, "24 messages, page 1 sur 2") {
		t.Errorf("caption %q", got)
	}
	var heads []string
	region.Find("thead th").Each(func(_ int, th *goquery.Selection) {
		if th.AttrOr("scope", "") != "col" {
			t.Errorf("th %q without scope=col", apptest.TextOf(th))
		}
		heads = append(heads, strings.SplitN(apptest.TextOf(th), " ,", 2)[0])
	})
	if want := []string{"Date", "Expéditeur", "Destinataire", "Objet", "Actions"}; !slices.Equal(heads, want) {
		t.Errorf("headers %q, want %q", heads, want)
	}
	if got := region.Find(`th[aria-sort]`); got.Length() != 1 || got.AttrOr("aria-sort", "") != "descending" || !strings.HasPrefix(apptest.TextOf(got), "Date") {
		t.Errorf("sorted column: %d, %q", got.Length(), got.AttrOr("aria-sort", ""))
	}
	rows := messageRows(t, res.Doc.Selection)
	if len(rows) != 20 {
		t.Fatalf("%d rows on page 1, want 20", len(rows))
	}
	first := rows[0]
	if first != (messageRowText{date: "Le 04/11/2024 à 11:20", sender: "Service des modes d'accueil de la petite enfance",
		recipient: "Gertrude ASSMAT", subject: unreadOwn, unread: true, id: first.id}) {
		t.Errorf("first row %+v", first)
	}
	var sawWeather, sawRead bool
	for _, r := range rows {
		switch r.subject {
		case weather:
			sawWeather = true
			if r.date != "Le 21/10/2024 à 15:31" || r.recipient != "Tous les assistants maternels" || !r.unread {
				t.Errorf("weather row %+v", r)
			}
		case readOwn:
			sawRead = true
			if r.unread || r.recipient != "Gertrude ASSMAT" {
				t.Errorf("read personal row %+v", r)
			}
		case archivedDemo:
			t.Errorf("an archived message is in the received list")
		}
	}
	var unread []string
	for _, r := range rows {
		if r.unread {
			unread = append(unread, r.subject)
		}
	}
	if want := []string{unreadOwn, weather, "Bienvenue sur l'extranet des assistants maternels"}; !slices.Equal(unread, want) {
		t.Errorf("unread rows %q, want %q", unread, want)
	}
	if !sawWeather || !sawRead {
		t.Errorf("weather %v, read personal %v on page 1", sawWeather, sawRead)
	}
	voir := region.Find("tbody tr").First().Find("a.btn")
	if got := apptest.TextOf(voir); got != "Voir le message « "+unreadOwn+" »" {
		t.Errorf("Voir's accessible text %q", got)
	}
	if got := apptest.TextOf(region.Find("tbody tr").First().Find("button")); got != "Archiver le message « "+unreadOwn+" »" {
		t.Errorf("Archiver's accessible text %q", got)
	}
	// The received / archived menu: a disclosure (details) whose links work without JavaScript.
	boxes := region.Find("details summary")
	if !strings.HasPrefix(apptest.TextOf(boxes), "Messages reçus") {
		t.Errorf("menu button %q", apptest.TextOf(boxes))
	}
	if href := region.Find("#boite-archives").AttrOr("href", ""); href != "/messages?boite=archives" {
		t.Errorf("archived link %q", href)
	}
	if cur := region.Find(`#boite-recus`).AttrOr("aria-current", ""); cur != "page" {
		t.Errorf("current box not marked: %q", cur)
	}
}

// htmx swaps the region: the same markup as the region of the full page.
func TestMessagesHTMXSwapIsThePageRegion(t *testing.T) {
	t.Parallel()
	_, c := signedInA(t)
	for _, u := range []string{"/messages", "/messages?boite=archives", "/messages?tri=objet&ordre=decroissant&page=2",
		"/messages?recherche=meteo", "/messages?recherche=introuvable"} {
		page := c.Get(u)
		frag := c.Get(u, apptest.HTMX)
		mustStatus(t, page, http.StatusOK, u)
		mustStatus(t, frag, http.StatusOK, u+" htmx")
		want, err := goquery.OuterHtml(page.Doc.Find("#messages"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := goquery.OuterHtml(frag.Doc.Find("#messages"))
		if err != nil {
			t.Fatal(err)
		}
		if want == "" || got != want {
			t.Errorf("%s: the fragment's region differs from the page's:\n%s\n---\n%s", u, got, want)
		}
		if frag.Doc.Find("header, nav.menu, h1").Length() != 0 {
			t.Errorf("%s: the fragment carries the layout", u)
		}
		if !strings.Contains(frag.Header.Get("Vary"), "HX-Request") {
			t.Errorf("%s: no Vary: HX-Request", u)
		}
		if title := frag.Doc.Find("title").Text(); !strings.Contains(title, "Messages") {
			t.Errorf("%s: the swap does not retitle the tab: %q", u, title)
		}
	}
}

// fold is what the list sorts text by: case and accents ignored.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		panic(err)
	}
	return strings.ToLower(out)
}

// A swap asked by a control the new list no longer shows (a box link in the
// closed menu, "Effacer la recherche") gives the heading the focus; any
// other (a sort link, a page link, the search form) keeps it where it is.
func TestMessagesSwapFocusesTheHeadingOnlyWhenItsControlIsGone(t *testing.T) {
	t.Parallel()
	_, c := signedInA(t)
	for trigger, want := range map[string]bool{"boite-archives": true, "boite-recus": true, "effacer-recherche": true,
		"tri-objet": false, "page-2": false, "": false} {
		res := c.Get("/messages?boite=archives", apptest.HTMX, apptest.Header{Name: "HX-Trigger", Value: trigger})
		if got := res.Doc.Find("#messages-titre[autofocus]").Length() == 1; got != want {
			t.Errorf("HX-Trigger %q: heading autofocus %v, want %v", trigger, got, want)
		}
	}
	if res := c.Get("/messages", apptest.Header{Name: "HX-Trigger", Value: "boite-recus"}); res.Doc.Find("[autofocus]").Length() != 0 {
		t.Errorf("a full page has an autofocus")
	}
}

// Each column sorts both ways from its header's link; aria-sort says which.
func TestMessagesSortByEachColumnBothWays(t *testing.T) {
	t.Parallel()
	_, c := signedInA(t)
	key := map[string]func(messageRowText) string{
		"date": func(r messageRowText) string {
			d, err := time.Parse("Le 02/01/2006 à 15:04", r.date)
			if err != nil {
				t.Fatalf("date %q: %v", r.date, err)
			}
			return d.Format(time.RFC3339)
		},
		"expediteur":   func(r messageRowText) string { return fold(r.sender) },
		"destinataire": func(r messageRowText) string { return fold(r.recipient) },
		"objet":        func(r messageRowText) string { return fold(r.subject) },
	}
	header := map[string]string{"date": "Date", "expediteur": "Expéditeur", "destinataire": "Destinataire", "objet": "Objet"}
	for _, htmx := range []bool{false, true} {
		for col, k := range key {
			// The header's link of an unsorted column, then of the sorted one.
			start := c.Get("/messages?tri=date&ordre=croissant", apptest.HTMXIf(htmx)...)
			if col == "date" {
				start = c.Get("/messages?tri=objet", apptest.HTMXIf(htmx)...)
			}
			href := start.Doc.Find("#tri-"+col).AttrOr("href", "")
			if hx := start.Doc.Find("#tri-"+col).AttrOr("hx-get", ""); hx != href || href == "" {
				t.Fatalf("%s: href %q, hx-get %q", col, href, hx)
			}
			seen := map[string]bool{}
			for step := 0; step < 2; step++ {
				res := c.Get(href, apptest.HTMXIf(htmx)...)
				mustStatus(t, res, http.StatusOK, href)
				th := res.Doc.Find("th[aria-sort]")
				dir := th.AttrOr("aria-sort", "")
				if th.Length() != 1 || !strings.HasPrefix(apptest.TextOf(th), header[col]) {
					t.Fatalf("%s: aria-sort on %q", href, apptest.TextOf(th))
				}
				seen[dir] = true
				rows := messageRows(t, res.Doc.Selection)
				if len(rows) != 20 {
					t.Fatalf("%s: %d rows", href, len(rows))
				}
				keys := make([]string, len(rows))
				for i, r := range rows {
					keys[i] = k(r)
				}
				sorted := slices.IsSorted(keys)
				if dir == "descending" {
					slices.Reverse(keys)
					sorted = slices.IsSorted(keys)
				}
				if !sorted {
					t.Errorf("%s (%s): not sorted %s: %q", href, dir, dir, keys)
				}
				// Her two personal messages come first from A to Z ("Gertrude ASSMAT").
				if col == "destinataire" && dir == "ascending" && (rows[0].recipient != "Gertrude ASSMAT" || rows[2].recipient != "Tous les assistants maternels") {
					t.Errorf("%s: recipients %q, %q, %q", href, rows[0].recipient, rows[1].recipient, rows[2].recipient)
				}
				href = res.Doc.Find("#tri-"+col).AttrOr("href", "")
			}
			if !seen["ascending"] || !seen["descending"] {
				t.Errorf("%s (htmx %v): the header's link does not reverse the order: %v", col, htmx, seen)
			}
		}
	}
	// Reversing the subject order reverses the whole list (the 24 messages, over two pages).
	all := func(u string) []string {
		var subjects []string
		for _, p := range []string{"", "&page=2"} {
			for _, r := range messageRows(t, c.Get(u+p).Doc.Selection) {
				subjects = append(subjects, r.subject)
			}
		}
		return subjects
	}
	asc, desc := all("/messages?tri=objet"), all("/messages?tri=objet&ordre=decroissant")
	slices.Reverse(desc)
	if len(asc) != demoReceived || !slices.Equal(asc, desc) {
		t.Errorf("subject order: %d messages, reversed equal: %v", len(asc), slices.Equal(asc, desc))
	}
}

// The search ignores case and accents, in the subject and the body, and keeps
// the box and the sort; "%" and "_" are looked for as typed.
func TestMessagesSearchIgnoresCaseAndAccents(t *testing.T) {
	t.Parallel()
	env, c := signedInA(t)
	var idB int64
	env.QueryRow(`INSERT INTO messages (sender_service, subject, body) VALUES ('Service', 'Fermeture de l''école maternelle', 'Le 100_% des enfants') RETURNING id`, nil, &idB)
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"meteo", []string{weather}},
		{"MÉTÉO", []string{weather}},
		{"  Meteo ", []string{weather}},
		{"PREFECTURE", []string{weather}}, // in the body only
		{"Ecole", []string{"Fermeture de l'école maternelle"}},
		{"ÉCOLE MATERNELLE", []string{"Fermeture de l'école maternelle"}},
		{"100_%", []string{"Fermeture de l'école maternelle"}},
		{"0_", []string{"Fermeture de l'école maternelle"}},
		{"%", []string{"Fermeture de l'école maternelle"}},
		{"a_b", nil},
		{"introuvable", nil},
	} {
		for _, htmx := range []bool{false, true} {
			u := "/messages?recherche=" + url.QueryEscape(tc.q)
			res := c.Get(u, apptest.HTMXIf(htmx)...)
			mustStatus(t, res, http.StatusOK, u)
			var got []string
			for _, r := range messageRows(t, res.Doc.Selection) {
				got = append(got, r.subject)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s (htmx %v): %q, want %q", u, htmx, got, tc.want)
			}
			if len(tc.want) == 0 && !strings.Contains(res.Text(), "Aucun message") {
				t.Errorf("%s: no \"Aucun message\": %s", u, res.Text())
			}
			if v := res.Doc.Find(`input[name="recherche"]`).AttrOr("value", ""); v != strings.TrimSpace(tc.q) {
				t.Errorf("%s: the search bar holds %q", u, v)
			}
		}
	}
	// The address htmx pushes is the view's canonical URL, whatever the form sent.
	res0 := c.Get("/messages?boite=recus&tri=date&recherche=+meteo+", apptest.HTMX)
	if got := res0.Header.Get("HX-Push-Url"); got != "/messages?recherche=meteo" {
		t.Errorf("HX-Push-Url %q", got)
	}
	if got := c.Get("/messages?recherche=meteo").Header.Get("HX-Push-Url"); got != "" {
		t.Errorf("a full page says HX-Push-Url %q", got)
	}
	// The search form keeps the box and the sort; the archived box is searched too.
	res := c.Get("/messages?boite=archives&tri=objet&recherche=ENQUETE")
	if rows := messageRows(t, res.Doc.Selection); len(rows) != 1 || rows[0].subject != archivedDemo {
		t.Errorf("archived search: %+v", rows)
	}
	var kept []string
	res.Doc.Find(`form[role="search"] input[type="hidden"]`).Each(func(_ int, s *goquery.Selection) {
		kept = append(kept, s.AttrOr("name", "")+"="+s.AttrOr("value", ""))
	})
	if !slices.Equal(kept, []string{"boite=archives", "tri=objet"}) {
		t.Errorf("the search form keeps %q", kept)
	}
	// An empty box says so.
	c.Submit("/messages/"+strconv.FormatInt(messageID(t, env, archivedDemo), 10)+"/restaurer", nil)
	if res := c.Get("/messages?boite=archives"); !strings.Contains(res.Text(), "Aucun message.") || res.Doc.Find("table").Length() != 0 {
		t.Errorf("empty archived box: %s", res.Text())
	}
}

// Pages of 20; a malformed page is a 404, a page past the end sends to the
// first page, an unknown sort falls back to the date.
func TestMessagesPagination(t *testing.T) {
	t.Parallel()
	_, c := signedInA(t)
	res := c.Get("/messages?page=2")
	mustStatus(t, res, http.StatusOK, "page 2")
	if rows := messageRows(t, res.Doc.Selection); len(rows) != demoReceived-20 {
		t.Errorf("page 2: %d rows, want %d", len(rows), demoReceived-20)
	}
	var pages []string
	res.Doc.Find("nav.pagination a").Each(func(_ int, a *goquery.Selection) {
		pages = append(pages, a.AttrOr("href", "")+"|"+a.AttrOr("aria-current", ""))
	})
	if want := []string{"/messages|", "/messages?page=2|page"}; !slices.Equal(pages, want) {
		t.Errorf("pagination %q, want %q", pages, want)
	}
	for _, bad := range []string{"0", "-1", "abc", "1.5", "99999999999999999999", "10001"} {
		for _, htmx := range []bool{false, true} {
			if res := c.Get("/messages?page="+url.QueryEscape(bad), apptest.HTMXIf(htmx)...); res.StatusCode != http.StatusNotFound {
				t.Errorf("page %q (htmx %v): %d, want 404", bad, htmx, res.StatusCode)
			}
		}
	}
	res = c.Get("/messages?page=3&tri=objet")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/messages?tri=objet" {
		t.Errorf("page past the end: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	res = c.Get("/messages?page=3", apptest.HTMX)
	if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/messages" {
		t.Errorf("page past the end, htmx: %d %q", res.StatusCode, res.Header.Get("HX-Redirect"))
	}
	for _, u := range []string{"/messages?tri=nimporte", "/messages?ordre=nimporte", "/messages?boite=nimporte"} {
		res := c.Get(u)
		mustStatus(t, res, http.StatusOK, u)
		if th := res.Doc.Find("th[aria-sort]"); !strings.HasPrefix(apptest.TextOf(th), "Date") || th.AttrOr("aria-sort", "") != "descending" {
			t.Errorf("%s: sorted by %q %q", u, apptest.TextOf(th), th.AttrOr("aria-sort", ""))
		}
		if len(messageRows(t, res.Doc.Selection)) != 20 {
			t.Errorf("%s: not the received list", u)
		}
	}
}

// The archived box; archive and restore from the list (plain: back to the
// same view; htmx: the row goes in place) and from the message's page.
func TestMessagesArchiveAndRestoreBothWays(t *testing.T) {
	t.Parallel()
	env, c := signedInA(t)
	id := messageID(t, env, weather)
	sid := strconv.FormatInt(id, 10)
	inBox := func(box string) bool {
		for _, p := range []string{"", "&page=2"} {
			for _, r := range messageRows(t, c.Get("/messages?boite="+box+p).Doc.Selection) {
				if r.subject == weather {
					return true
				}
			}
		}
		return false
	}
	archived := c.Get("/messages?boite=archives")
	if rows := messageRows(t, archived.Doc.Selection); len(rows) != 1 || rows[0].subject != archivedDemo {
		t.Fatalf("archived box: %+v", rows)
	}
	if got := apptest.TextOf(archived.Doc.Find("#messages h2")); got != "Messages archivés" {
		t.Errorf("archived heading %q", got)
	}
	// Plain, from the list sorted by subject: back to that view, with a notice.
	c.Get("/messages?tri=objet")
	res := c.Submit("/messages/"+sid+"/archiver", apptest.Values("retour", "tri=objet"))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/messages?tri=objet" {
		t.Fatalf("archive: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if inBox("recus") || !inBox("archives") {
		t.Errorf("archived: received %v, archived %v", inBox("recus"), inBox("archives"))
	}
	// Archiving it again changes nothing.
	var before string
	env.QueryRow(`SELECT archived_at::text FROM message_states WHERE message_id = $1`, []any{id}, &before)
	c.Get("/messages")
	mustStatus(t, c.Submit("/messages/"+sid+"/archiver", nil), http.StatusSeeOther, "archive again")
	var after string
	env.QueryRow(`SELECT archived_at::text FROM message_states WHERE message_id = $1`, []any{id}, &after)
	if before != after {
		t.Errorf("archiving twice moved the date: %s → %s", before, after)
	}
	// htmx from the archived list's row: the row goes, the status region says why.
	c.Get("/messages?boite=archives")
	res = c.Submit("/messages/"+sid+"/restaurer", apptest.Values("retour", "boite=archives"),
		apptest.HTMX, apptest.Header{Name: "HX-Target", Value: "message-" + sid})
	mustStatus(t, res, http.StatusOK, "htmx restore")
	if res.Doc.Find("tr").Length() != 0 || apptest.TextOf(res.Doc.Find(`#messages-annonce[hx-swap-oob="innerHTML"]`)) != "Message restauré." {
		t.Errorf("htmx restore answered %s", res.Body)
	}
	if !inBox("recus") || inBox("archives") {
		t.Errorf("restored: received %v, archived %v", inBox("recus"), inBox("archives"))
	}
	// htmx from the received list's row.
	c.Get("/messages")
	res = c.Submit("/messages/"+sid+"/archiver", nil, apptest.HTMX, apptest.Header{Name: "HX-Target", Value: "message-" + sid})
	mustStatus(t, res, http.StatusOK, "htmx archive")
	if h := res.Doc.Find(`h2#messages-titre[autofocus][tabindex="-1"][hx-swap-oob]`); apptest.TextOf(h) != "Messages reçus" {
		t.Errorf("htmx archive: the heading that takes the focus says %q", apptest.TextOf(h))
	}
	if apptest.TextOf(res.Doc.Find("#messages-annonce")) != "Message archivé." || !inBox("archives") {
		t.Errorf("htmx archive: %s", res.Body)
	}
	// From the message's page (its form posts the view it came from): back to that list.
	page := c.Get("/messages/" + sid + "?boite=archives")
	form := page.Doc.Find(`form[action="/messages/` + sid + `/restaurer"]`)
	if form.Length() != 1 || form.Find(`input[name="retour"]`).AttrOr("value", "") != "boite=archives" {
		t.Fatalf("the message page's restore form: %d", form.Length())
	}
	if back := page.Doc.Find(`a[href="/messages?boite=archives"]`); !strings.Contains(apptest.TextOf(back), "Retour aux messages archivés") {
		t.Errorf("the message page's way back: %q", apptest.TextOf(back))
	}
	res = c.Submit("/messages/"+sid+"/restaurer", apptest.Values("retour", "boite=archives"))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/messages?boite=archives" {
		t.Errorf("restore from the page: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	// An htmx request that is not a row's (no row target) changes page.
	res = c.Submit("/messages/"+sid+"/archiver", apptest.Values("retour", "https://ailleurs.example/"), apptest.HTMX)
	if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/messages" {
		t.Errorf("htmx archive without a row: %d %q", res.StatusCode, res.Header.Get("HX-Redirect"))
	}
	// A general message is one state row for her, and none for anyone else.
	var states, others int
	env.QueryRow(`SELECT count(*) FILTER (WHERE message_id = $1), count(*) FILTER (WHERE message_id <> $1 AND archived_at IS NOT NULL)
		FROM message_states`, []any{id}, &states, &others)
	if states != 1 || others != 1 {
		t.Errorf("%d state rows for the weather message, %d other archived", states, others)
	}
}

// Opening a message shows it and marks it read, once: reopening writes nothing.
func TestMessagePageMarksItRead(t *testing.T) {
	t.Parallel()
	env, c := signedInA(t)
	id := messageID(t, env, unreadOwn)
	sid := strconv.FormatInt(id, 10)
	var states int
	env.QueryRow(`SELECT count(*) FROM message_states WHERE message_id = $1`, []any{id}, &states)
	if states != 0 {
		t.Fatalf("an unread message has %d state rows", states)
	}
	// The list reads, it does not create states.
	c.Get("/messages")
	c.Get("/messages?boite=archives&recherche=a")
	env.QueryRow(`SELECT count(*) FROM message_states`, nil, &states)
	if states != 22 {
		t.Errorf("%d state rows after reading the lists, want the demo's 22", states)
	}
	for _, htmx := range []bool{false, true} {
		res := c.Get("/messages/"+sid, apptest.HTMXIf(htmx)...)
		mustStatus(t, res, http.StatusOK, "message page")
		text := res.Text()
		for _, want := range []string{unreadOwn, "Le 04/11/2024 à 11:20", "Expéditeur Service des modes d'accueil de la petite enfance",
			"Destinataire Gertrude ASSMAT", "Il manque à votre dossier", "Archiver le message"} {
			if !strings.Contains(text, want) {
				t.Errorf("message page (htmx %v) lacks %q: %s", htmx, want, text)
			}
		}
	}
	var xmin, readAt string
	env.QueryRow(`SELECT xmin::text, read_at::text FROM message_states WHERE message_id = $1`, []any{id}, &xmin, &readAt)
	env.Clock.Advance(10 * time.Second)
	env.Trips.Reset()
	mustStatus(t, c.Get("/messages/"+sid), http.StatusOK, "reopen")
	if n := env.Trips.Trips(); n > 3 {
		t.Errorf("message page: %d round trips", n)
	}
	var xmin2, readAt2 string
	env.QueryRow(`SELECT xmin::text, read_at::text FROM message_states WHERE message_id = $1`, []any{id}, &xmin2, &readAt2)
	if xmin2 != xmin || readAt2 != readAt {
		t.Errorf("reopening wrote the state: xmin %s → %s, read_at %s → %s", xmin, xmin2, readAt, readAt2)
	}
	for _, r := range messageRows(t, c.Get("/messages").Doc.Selection) {
		if r.subject == unreadOwn && r.unread {
			t.Errorf("an opened message is still unread in the list")
		}
	}
}

// A message's text is plain text: paragraphs and lines kept, http(s)
// addresses made links, anything else (HTML, javascript:) shown as typed.
func TestMessageBodyIsPlainTextWithLinks(t *testing.T) {
	t.Parallel()
	env, c := signedInA(t)
	var idA int64
	env.QueryRow(`SELECT id FROM assmats WHERE login = '100001'`, nil, &idA)
	body := "Bonjour <b>Gertrude</b>,\n<script>alert(1)</script>\n\nLisez https://www.departement06.fr/a?b=1&c=2.\n" +
		"javascript:alert(2) et <a href=\"http://x.example\">lien</a>\r\n\r\nFin."
	var id int64
	env.QueryRow(`INSERT INTO messages (sender_service, subject, body, recipient_assmat_id) VALUES ('S', '<i>Objet</i>', $1, $2) RETURNING id`,
		[]any{body, idA}, &id)
	res := c.Get("/messages/" + strconv.FormatInt(id, 10))
	mustStatus(t, res, http.StatusOK, "message")
	msg := res.Doc.Find(".message__body")
	if msg.Find("script, b, i").Length() != 0 || res.Doc.Find("h1 i").Length() != 0 {
		t.Errorf("the text became HTML: %s", res.Body)
	}
	var links []string
	msg.Find("a").Each(func(_ int, a *goquery.Selection) { links = append(links, a.AttrOr("href", "")+" "+apptest.TextOf(a)) })
	// The address inside the typed <a> is an address of the text like any other.
	if want := []string{"https://www.departement06.fr/a?b=1&c=2 https://www.departement06.fr/a?b=1&c=2", "http://x.example http://x.example"}; !slices.Equal(links, want) {
		t.Errorf("links %q, want %q", links, want)
	}
	paras := msg.Find("p")
	if paras.Length() != 3 || paras.First().Find("br").Length() != 1 {
		t.Errorf("%d paragraphs, first with %d line breaks", paras.Length(), paras.First().Find("br").Length())
	}
	if got := apptest.TextOf(paras.First()); got != "Bonjour <b>Gertrude</b>, <script>alert(1)</script>" {
		t.Errorf("first paragraph %q", got)
	}
	if got := apptest.TextOf(res.Doc.Find("h1")); got != "<i>Objet</i>" {
		t.Errorf("subject %q", got)
	}
}

// Another childminder's personal message does not exist for B: 404 for the
// page, archive and restore, plain and htmx; general messages are hers too.
func TestAnotherChildmindersMessageIsNotFound(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	env.NewAssmat("200001", "Autre-assmat-2", false)
	b := env.Client()
	b.Login("200001", "Autre-assmat-2")
	own := strconv.FormatInt(messageID(t, env, unreadOwn), 10)
	for _, htmx := range []bool{false, true} {
		h := apptest.HTMXIf(htmx)
		for _, u := range []string{"/messages/" + own, "/messages/" + own + "?boite=archives", "/messages/987654", "/messages/abc", "/messages/-1"} {
			if res := b.Get(u, h...); res.StatusCode != http.StatusNotFound {
				t.Errorf("GET %s (htmx %v): %d, want 404", u, htmx, res.StatusCode)
			}
		}
		b.Get("/messages")
		for _, action := range []string{"archiver", "restaurer"} {
			res := b.Submit("/messages/"+own+"/"+action, nil, append(h, apptest.Header{Name: "HX-Target", Value: "message-" + own})...)
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("%s (htmx %v): %d, want 404", action, htmx, res.StatusCode)
			}
		}
	}
	var states int
	env.QueryRow(`SELECT count(*) FROM message_states WHERE message_id = $1`, []any{own}, &states)
	if states != 0 {
		t.Errorf("B's attempts wrote %d state rows", states)
	}
	// B sees the general messages (23: the one A archived is in B's
	// received box), none of A's.
	res := b.Get("/messages?page=2")
	if rows := messageRows(t, res.Doc.Selection); len(rows) != 3 {
		t.Errorf("B's page 2: %d rows, want 3", len(rows))
	}
	if strings.Contains(b.Get("/messages?tri=destinataire").Text(), "Gertrude") || strings.Contains(res.Text(), "Gertrude") {
		t.Errorf("B sees A's messages")
	}
	if res := b.Get("/messages/" + strconv.FormatInt(messageID(t, env, weather), 10)); res.StatusCode != http.StatusOK ||
		!strings.Contains(res.Text(), "Destinataire Tous les assistants maternels") {
		t.Errorf("B's general message: %d", res.StatusCode)
	}
}

// The list and the message page cost at most 3 round trips, session
// included; the list never writes. The message page is one statement that
// may write (the read mark, see messages.View): for a message already read
// it writes nothing, which TestMessagePageMarksItRead checks on the row.
func TestMessagesPagesCostAtMostThreeRoundTrips(t *testing.T) {
	t.Parallel()
	env, c := signedInA(t)
	read := strconv.FormatInt(messageID(t, env, readOwn), 10)
	unread := strconv.FormatInt(messageID(t, env, unreadOwn), 10)
	for _, u := range []string{"/messages", "/messages?page=2", "/messages?boite=archives", "/messages?recherche=m%C3%A9t%C3%A9o&tri=objet",
		"/messages?tri=destinataire&ordre=decroissant", "/messages/" + unread, "/messages/" + read} {
		maxWrites := int64(0)
		if strings.HasPrefix(u, "/messages/") {
			maxWrites = 1
		}
		for _, htmx := range []bool{false, true} {
			env.Trips.Reset()
			res := c.Get(u, apptest.HTMXIf(htmx)...)
			mustStatus(t, res, http.StatusOK, u)
			if n, w := env.Trips.Trips(), env.Trips.Writes(); n > 3 || w > maxWrites {
				t.Errorf("%s (htmx %v): %d round trips, %d writing statements", u, htmx, n, w)
			}
		}
	}
}

// One general message is one row whatever the number of childminders, and
// no one's state until she reads or archives it.
func TestGeneralMessageIsOneRow(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	for i := range 3 {
		env.NewAssmat(fmt.Sprintf("30000%d", i), "Autre-assmat-2", false)
	}
	var before int
	env.QueryRow(`SELECT count(*) FROM messages`, nil, &before)
	var id int64
	env.QueryRow(`INSERT INTO messages (sender_service, subject, body) VALUES ('S', 'Pour toutes', 'Texte') RETURNING id`, nil, &id)
	for i := range 3 {
		c := env.Client()
		c.Login(fmt.Sprintf("30000%d", i), "Autre-assmat-2")
		if !strings.Contains(c.Get("/messages").Text(), "Pour toutes") {
			t.Errorf("childminder %d does not see the general message", i)
		}
	}
	var messages, states int
	env.QueryRow(`SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM message_states WHERE message_id = $1)`, []any{id}, &messages, &states)
	if messages != before+1 || states != 0 {
		t.Errorf("%d messages (+%d), %d states", messages, messages-before, states)
	}
}
