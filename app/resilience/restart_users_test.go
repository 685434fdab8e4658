package resilience

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/alexedwards/argon2id"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/benchdata"
	"github.com/departement06/extranet-assmat/components/paths"
)

// The bench childminders' password is hashed with argon2id's cheapest
// parameters: the hash carries them, the app checks it like any other, and
// signing 200 childminders in costs milliseconds instead of the seconds of
// the app's 64 MiB hashes, which would eat the short forms' CI time and
// leave 64 MiB garbage heaps behind just before the soak measures memory.
// Sign-in is set-up here, not what these tests measure.
var benchHashParams = &argon2id.Params{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// loadBenchUsers loads n bench childminders (logins benchdata.Login(0…n-1)),
// with a few children and messages each, into the app's database.
func loadBenchUsers(t *testing.T, pool *pgxpool.Pool, n int) {
	t.Helper()
	hash, err := argon2id.CreateHash(benchdata.Password, benchHashParams)
	if err != nil {
		t.Fatal(err)
	}
	scale := benchdata.Scale{Name: "resilience", Assmats: n, Agrements: n, Children: 3 * n, Periods: 4 * n,
		General: 10, Personal: 3 * n, States: 3 * n}
	if _, err := benchdata.Load(context.Background(), pool, benchdata.Options{Scale: scale, Seed: 12,
		Today: time.Now(), PasswordHash: hash}); err != nil {
		t.Fatalf("bench data: %v", err)
	}
}

// benchUser is a signed-in childminder: the Cookie header her browser sends, her
// form token, and the ids her lists link to.
type benchUser struct {
	Login    string
	Cookie   string
	CSRF     string
	Children []int64
	Messages []int64
}

var (
	benchChildLink   = regexp.MustCompile(`^` + paths.Children + `/(\d+)$`)
	benchMessageLink = regexp.MustCompile(`^` + paths.Messages + `/(\d+)$`)
)

// signInBench signs the first n bench childminders in through the login form,
// four at a time.
func signInBench(t *testing.T, base string, n int) []*benchUser {
	t.Helper()
	// A transport of their own, closed after: the sign-ins' idle
	// keep-alive connections would otherwise linger 90 s in the process,
	// and their goroutines go in the middle of a soak.
	tr := &http.Transport{MaxIdleConnsPerHost: 4}
	defer tr.CloseIdleConnections()
	users := make([]*benchUser, n)
	errs := make([]error, n)
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			users[i], errs[i] = signInOne(tr, base, benchdata.Login(i))
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return users
}

// signInOne is a browser's sign-in: the form's token and cookie, the POST, then
// her children's and messages' lists (their ids, and the signed-in token).
func signInOne(tr http.RoundTripper, base, login string) (*benchUser, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	jar, err := cookiejar.New(nil)
	if err != nil {
		return nil, err
	}
	c := &http.Client{Transport: tr, Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	send := func(method, path string, form url.Values) (*http.Response, *goquery.Document, error) {
		var body io.Reader
		if form != nil {
			body = strings.NewReader(form.Encode())
		}
		req, err := http.NewRequestWithContext(ctx, method, base+path, body)
		if err != nil {
			return nil, nil, err
		}
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		res, err := c.Do(req)
		if err != nil {
			return nil, nil, err
		}
		defer res.Body.Close()
		doc, err := goquery.NewDocumentFromReader(res.Body)
		return res, doc, err
	}
	get := func(path string) (*goquery.Document, error) {
		res, doc, err := send(http.MethodGet, path, nil)
		if err == nil && res.StatusCode != http.StatusOK {
			err = fmt.Errorf("%s: GET %s: status %d", login, path, res.StatusCode)
		}
		return doc, err
	}
	doc, err := get(paths.Login)
	if err != nil {
		return nil, err
	}
	res, _, err := send(http.MethodPost, paths.Login,
		url.Values{"identifiant": {login}, "mot_de_passe": {benchdata.Password}, "_csrf": {formToken(doc)}})
	if err != nil {
		return nil, err
	}
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != paths.Dashboard {
		return nil, fmt.Errorf("%s: sign-in answered %d %q", login, res.StatusCode, loc)
	}
	u := &benchUser{Login: login}
	if doc, err = get(paths.Children); err != nil {
		return nil, err
	}
	u.Children, u.CSRF = linkedIDs(doc, benchChildLink), formToken(doc)
	if doc, err = get(paths.Messages); err != nil {
		return nil, err
	}
	u.Messages = linkedIDs(doc, benchMessageLink)
	if u.CSRF == "" {
		return nil, fmt.Errorf("%s: no form token on %s", login, paths.Children)
	}
	baseURL, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	var cookies []string
	for _, ck := range jar.Cookies(baseURL) {
		cookies = append(cookies, ck.Name+"="+ck.Value)
	}
	u.Cookie = strings.Join(cookies, "; ")
	return u, nil
}

func formToken(doc *goquery.Document) string {
	v, _ := doc.Find(`input[name="_csrf"]`).First().Attr("value")
	return v
}

func linkedIDs(doc *goquery.Document, link *regexp.Regexp) []int64 {
	var ids []int64
	seen := map[int64]bool{}
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		if m := link.FindStringSubmatch(href); m != nil {
			if id, err := strconv.ParseInt(m[1], 10, 64); err == nil && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	})
	return ids
}
