package web_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// The declarations export goes out as it is read (chunked), not buffered
// whole first: nothing on the way (the access log's byte count) reads the
// stream to its end before sending it.
func TestDeclarationsExportIsStreamed(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	base := env.Serve()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	page, err := client.Get(base + "/back-office/connexion")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(page.Body)
	page.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	token := doc.Find(`input[name="_csrf"]`).AttrOr("value", "")
	res, err := client.PostForm(base+"/back-office/connexion", url.Values{"_csrf": {token}, "email": {"agent@demo.local"}, "mot_de_passe": {"Demo-agent1"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("agent sign-in: %d", res.StatusCode)
	}
	res, err = client.Get(base + "/back-office/export/declarations.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("export: %d %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if res.ContentLength != -1 || len(res.TransferEncoding) == 0 || res.TransferEncoding[0] != "chunked" {
		t.Errorf("export sent with Content-Length %d, Transfer-Encoding %v: buffered, not streamed", res.ContentLength, res.TransferEncoding)
	}
}
