package resilience

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// browser is a visitor without JavaScript behind a round-robin: one cookie
// jar (cookies do not tell ports apart, as behind a load balancer the
// instances share one host), and each request goes to the next instance in
// turn unless the test names one. apptest's Client calls one Fiber app in
// process; this one goes over real loopback HTTP to several.
type browser struct {
	t     testing.TB
	bases []string
	next  atomic.Uint64
	http  *http.Client
	// csrf is the token of the last page that carried one.
	csrf string
}

func newBrowser(t testing.TB, bases ...string) *browser {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &browser{t: t, bases: bases, http: &http.Client{
		Jar:     jar,
		Timeout: 30 * time.Second,
		// The test reads the redirects themselves (303 after a form).
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// page is an answer, with the instance that gave it.
type page struct {
	Status int
	Header http.Header
	Body   string
	Doc    *goquery.Document
	Via    int
	Took   time.Duration
}

// Text is the page's text, one space between elements.
func (p *page) Text() string { return apptest.TextOf(p.Doc.Selection) }

// roundRobin is the instance of the next request.
func (b *browser) roundRobin() int { return int((b.next.Add(1) - 1) % uint64(len(b.bases))) }

// get asks the next instance for a page; getVia a given one.
func (b *browser) get(path string) *page { return b.getVia(b.roundRobin(), path) }

func (b *browser) getVia(i int, path string) *page {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodGet, b.bases[i]+path, nil)
	if err != nil {
		b.t.Fatal(err)
	}
	return b.do(i, req)
}

// submit posts a form with the current CSRF token, as the page would, to
// the next instance; submitVia to a given one. postVia sends the form as is.
func (b *browser) submit(path string, form url.Values) *page {
	return b.submitVia(b.roundRobin(), path, form)
}

func (b *browser) submitVia(i int, path string, form url.Values) *page {
	b.t.Helper()
	form.Set("_csrf", b.csrf)
	return b.postVia(i, path, form)
}

func (b *browser) postVia(i int, path string, form url.Values) *page {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodPost, b.bases[i]+path, strings.NewReader(form.Encode()))
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(i, req)
}

// do sends the request and reads the whole answer: a transport error or a
// cut body fails the test (a page that did not answer is no 200).
func (b *browser) do(i int, req *http.Request) *page {
	b.t.Helper()
	p, err := b.try(i, req)
	if err != nil {
		b.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	return p
}

// try is do for goroutines, which must not call Fatal.
func (b *browser) try(i int, req *http.Request) (*page, error) {
	started := time.Now()
	res, err := b.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	took := time.Since(started)
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(body)))
	if err != nil {
		return nil, err
	}
	if tok, ok := doc.Find(`input[name="_csrf"]`).First().Attr("value"); ok {
		b.csrf = tok
	}
	return &page{Status: res.StatusCode, Header: res.Header, Body: string(body), Doc: doc, Via: i, Took: took}, nil
}

// login signs in through instance i's login form (page and post), and fails
// the test unless she is sent to her dashboard.
func (b *browser) login(i int, c childminder) {
	b.t.Helper()
	b.getVia(i, "/connexion")
	res := b.submitVia(i, "/connexion", url.Values{"identifiant": {c.Login}, "mot_de_passe": {c.Password}})
	if res.Status != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		b.t.Fatalf("login %s through instance %d: %d %q", c.Login, i, res.Status, res.Header.Get("Location"))
	}
}
