package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// firstPageBudget is issue 12's bound on a first visit: the page and every
// file it loads (stylesheet, htmx, icons), as sent to a browser that
// accepts compression — what a phone downloads on a slow network.
const firstPageBudget = 50 << 10

// The login page and the dashboard, each with what it loads, weigh under
// 50 KB as sent.
func TestFirstPageWeighsUnder50KB(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	accept := apptest.Header{Name: "Accept-Encoding", Value: "gzip, deflate, br"}
	weigh := func(path string) {
		page := c.Get(path, accept)
		if page.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, page.StatusCode)
		}
		// The compressed page does not parse: its links come from a plain copy.
		plain := c.Get(path)
		total := len(page.Body)
		parts := []string{path + " " + itoa(int64(len(page.Body)))}
		plain.Doc.Find(`link[href], script[src], img[src]`).Each(func(_ int, s *goquery.Selection) {
			ref, ok := s.Attr("href")
			if !ok {
				ref, _ = s.Attr("src")
			}
			if !strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "//") {
				return
			}
			res := c.Get(ref, accept)
			if res.StatusCode != http.StatusOK {
				t.Errorf("%s loads %s: %d", path, ref, res.StatusCode)
			}
			total += len(res.Body)
			parts = append(parts, ref+" "+itoa(int64(len(res.Body))))
		})
		if len(parts) < 3 {
			t.Errorf("%s: only %v loaded; the stylesheet and htmx are expected", path, parts)
		}
		if total > firstPageBudget {
			t.Errorf("%s weighs %d bytes as sent, over %d: %s", path, total, firstPageBudget, strings.Join(parts, ", "))
		}
		t.Logf("%s: %d bytes as sent (%s)", path, total, strings.Join(parts, ", "))
	}
	weigh("/connexion")
	c.Login("100001", "Demo-assmat1")
	weigh("/")
}
