package web_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/db"
)

// The list of the demo data, plain and htmx: in position order, each entry
// with its description, a link announced in words as opening another site,
// or the download of its file with its format and size.
func TestDocumentsPageListsLinksAndFiles(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	var guideID, guideSize int64
	env.QueryRow(`SELECT id, octet_length(file_content) FROM documents WHERE title = 'Documentation du portail Extranet'`, nil, &guideID, &guideSize)
	for _, htmx := range []bool{false, true} {
		res := c.Get("/documents-utiles", apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("htmx=%v: %d", htmx, res.StatusCode)
		}
		if isPage := res.Doc.Find("header.site-header").Length() > 0; isPage == htmx {
			t.Errorf("htmx=%v: full page %v", htmx, isPage)
		}
		items := res.Doc.Find("li.documents__item")
		var titles []string
		items.Each(func(_ int, s *goquery.Selection) { titles = append(titles, apptest.TextOf(s.Find("h2"))) })
		want := []string{"Documentation du portail Extranet", "Alertes météo : les bons réflexes", "Devenir assistant maternel", "Mon-enfant.fr", "Pajemploi"}
		if strings.Join(titles, "|") != strings.Join(want, "|") {
			t.Errorf("htmx=%v: titles %q, want %q", htmx, titles, want)
		}
		guide := items.Eq(0)
		a := guide.Find("a")
		href, _ := a.Attr("href")
		_, download := a.Attr("download")
		size := strconv.FormatInt((guideSize+512)/1024, 10) + " Ko"
		if guideSize < 1024 {
			size = strconv.FormatInt(guideSize, 10) + " octets"
		}
		if href != "/documents-utiles/"+itoa(guideID)+"/fichier" || !download ||
			apptest.TextOf(a) != "Télécharger le document « Documentation du portail Extranet » (PDF, "+size+")" {
			t.Errorf("htmx=%v: file link %q download=%v %q", htmx, href, download, apptest.TextOf(a))
		}
		if !strings.Contains(apptest.TextOf(guide), "Guide d'utilisation de l'extranet") {
			t.Errorf("htmx=%v: no description: %q", htmx, apptest.TextOf(guide))
		}
		site := items.Eq(3).Find("a")
		href, _ = site.Attr("href")
		target, _ := site.Attr("target")
		rel, _ := site.Attr("rel")
		if href != "https://monenfant.fr/" || target != "_blank" || !strings.Contains(rel, "noopener") ||
			apptest.TextOf(site) != "Consulter le site monenfant.fr « Mon-enfant.fr » (site externe, s'ouvre dans une nouvelle fenêtre)" {
			t.Errorf("htmx=%v: external link %q %q %q %q", htmx, href, target, rel, apptest.TextOf(site))
		}
	}
}

// With no document, a sentence says so.
func TestDocumentsPageWithoutDocuments(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	if _, err := env.Pool.Exec(context.Background(), `DELETE FROM documents`); err != nil {
		t.Fatal(err)
	}
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	res := c.Get("/documents-utiles")
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Text(), "Aucun document n'est disponible pour le moment.") ||
		res.Doc.Find("li.documents__item").Length() != 0 {
		t.Errorf("%d %q", res.StatusCode, res.Text())
	}
}

// A stored file downloads as itself: its bytes, its type, its length, its
// name, never sniffed, never cached; plain and htmx alike.
func TestDocumentDownloadServesTheFile(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	var id int64
	var content []byte
	env.QueryRow(`SELECT id, file_content FROM documents WHERE title = 'Documentation du portail Extranet'`, nil, &id, &content)
	for _, htmx := range []bool{false, true} {
		res := c.Get("/documents-utiles/"+itoa(id)+"/fichier", apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusOK || !bytes.Equal([]byte(res.Body), content) || !bytes.HasPrefix(content, []byte("%PDF-")) {
			t.Fatalf("htmx=%v: %d, %d bytes, want the %d of the PDF", htmx, res.StatusCode, len(res.Body), len(content))
		}
		for name, want := range map[string]string{
			"Content-Type":           "application/pdf",
			"Content-Length":         strconv.Itoa(len(content)),
			"Content-Disposition":    `attachment; filename="Documentation du portail Extranet.pdf"; filename*=UTF-8''Documentation%20du%20portail%20Extranet.pdf`,
			"X-Content-Type-Options": "nosniff",
			"Cache-Control":          "private, no-store",
		} {
			if got := res.Header.Get(name); got != want {
				t.Errorf("htmx=%v: %s %q, want %q", htmx, name, got, want)
			}
		}
	}
}

// A hostile name and type stored by the back office: the header stays one
// header (no CR/LF, no quote that ends the value, no folder), the exact name
// survives in filename*, and an unknown type downloads as bytes.
func TestDocumentDownloadOfAHostileName(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	hostile := "..\\../etc/pa\"ss\r\nSet-Cookie: pris=1;\x7f\t été ☂.pdf"
	id, err := db.New(env.Pool).CreateDocumentFile(context.Background(), db.CreateDocumentFileParams{
		Title: "Piège", FileName: hostile, FileType: "text/html", FileContent: []byte("<script>alert(1)</script>"), Position: 99})
	if err != nil {
		t.Fatal(err)
	}
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	res := c.Get("/documents-utiles/" + itoa(id) + "/fichier")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%d", res.StatusCode)
	}
	if got := res.Header.Get("Content-Type"); got != "application/octet-stream" {
		t.Errorf("Content-Type %q: a stored text/html must not be served as a page", got)
	}
	if res.Header.Get("Set-Cookie") != "" || len(res.Header.Values("Content-Disposition")) != 1 {
		t.Errorf("the name split the header: %q", res.Header)
	}
	cd := res.Header.Get("Content-Disposition")
	wantASCII := `attachment; filename="passSet-Cookie: pris=1_ _t_ _.pdf"; filename*=UTF-8''`
	if !strings.HasPrefix(cd, wantASCII) {
		t.Fatalf("Content-Disposition %q, want it to start with %q", cd, wantASCII)
	}
	encoded := strings.TrimPrefix(cd, wantASCII)
	if !regexp.MustCompile("^[A-Za-z0-9!#$&+.^_`|~%-]+$").MatchString(encoded) {
		t.Errorf("filename* %q holds characters RFC 8187 wants encoded", encoded)
	}
	exact, err := url.PathUnescape(encoded)
	if err != nil || exact != "passSet-Cookie: pris=1; été ☂.pdf" {
		t.Errorf("filename* %q (%v), want the name without its folders and controls", exact, err)
	}
}

// Unknown, malformed and file-less ids are a 404, plain and htmx; signed out,
// the download sends to the login page.
func TestDocumentDownloadNotFound(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	var linkID int64
	env.QueryRow(`SELECT min(id) FROM documents WHERE file_content IS NULL`, nil, &linkID)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	for _, id := range []string{itoa(linkID), "987654321", "0", "-1", "abc", "1e3", "99999999999999999999", "%20"} {
		for _, htmx := range []bool{false, true} {
			if res := c.Get("/documents-utiles/"+id+"/fichier", apptest.HTMXIf(htmx)...); res.StatusCode != http.StatusNotFound {
				t.Errorf("id %q htmx=%v: %d, want 404", id, htmx, res.StatusCode)
			}
		}
	}
	var fileID int64
	env.QueryRow(`SELECT min(id) FROM documents WHERE file_content IS NOT NULL`, nil, &fileID)
	res := env.Client().Get("/documents-utiles/" + itoa(fileID) + "/fichier")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/connexion" || strings.HasPrefix(res.Body, "%PDF") {
		t.Errorf("signed out: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
}
