package loadtest

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

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/components/paths"
)

// user is a signed-in childminder: her cookies, her form token, and what
// her pages link to (her children, her messages).
// User is a signed-in bench childminder: what her browser sends, and the ids
// of her children and messages, read from her lists.
type User struct {
	Login    string
	Cookie   string // the Cookie header her browser sends
	CSRF     string
	Children []int64
	Messages []int64
}

var (
	childLink   = regexp.MustCompile(`^` + paths.Children + `/(\d+)$`)
	messageLink = regexp.MustCompile(`^` + paths.Messages + `/(\d+)$`)
)

// SignIn signs a childminder in through the login form, as apptest's client
// does (GET the form for its CSRF token and cookie, POST it), then reads her
// children's and messages' lists for the ids the load asks for. tr carries
// the requests (nil: http.DefaultTransport); app/resilience signs in with it
// too.
func SignIn(ctx context.Context, tr http.RoundTripper, base, login, password string) (*User, error) {
	jar, err := cookiejar.New(nil)
	if err != nil {
		return nil, err
	}
	c := &http.Client{Transport: tr, Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(path string) (*goquery.Document, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
		if err != nil {
			return nil, err
		}
		res, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		defer res.Body.Close()
		if res.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("%s: GET %s: status %d", login, path, res.StatusCode)
		}
		return goquery.NewDocumentFromReader(res.Body)
	}
	doc, err := get(paths.Login)
	if err != nil {
		return nil, err
	}
	form := url.Values{"identifiant": {login}, "mot_de_passe": {password}, "_csrf": {csrfOf(doc)}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+paths.Login, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != paths.Dashboard {
		return nil, fmt.Errorf("%s: sign-in answered %d %q (is the bench data loaded? go run ./app seed-bench --scale S)", login, res.StatusCode, loc)
	}
	u := &User{Login: login}
	if doc, err = get(paths.Children); err != nil {
		return nil, err
	}
	u.Children = idsOf(doc, childLink)
	// The token of a signed-in page: it changed with the session at sign-in.
	u.CSRF = csrfOf(doc)
	if doc, err = get(paths.Messages); err != nil {
		return nil, err
	}
	u.Messages = idsOf(doc, messageLink)
	if u.CSRF == "" {
		return nil, fmt.Errorf("%s: no CSRF token on %s", login, paths.Children)
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

func csrfOf(doc *goquery.Document) string {
	v, _ := doc.Find(`input[name="_csrf"]`).First().Attr("value")
	return v
}

func idsOf(doc *goquery.Document, link *regexp.Regexp) []int64 {
	var ids []int64
	seen := map[int64]bool{}
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		if m := link.FindStringSubmatch(href); m != nil {
			id, err := strconv.ParseInt(m[1], 10, 64)
			if err == nil && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	})
	return ids
}

// signInAll signs the logins in, a few at a time: each sign-in hashes a
// password (argon2id), which the app bounds to a slot or two per core.
func signInAll(ctx context.Context, base string, logins []string, password string) ([]*User, error) {
	users := make([]*User, len(logins))
	errs := make([]error, len(logins))
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i, l := range logins {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			users[i], errs[i] = SignIn(ctx, nil, base, l, password)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return users, nil
}

// staticPath is the stylesheet the login page links to (its name carries a hash).
func staticPath(ctx context.Context, base string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+paths.Login, nil)
	if err != nil {
		return "", err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", fmt.Errorf("the app does not answer at %s: %w", base, err)
	}
	defer res.Body.Close()
	doc, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		return "", err
	}
	href, ok := doc.Find(`link[rel="stylesheet"]`).First().Attr("href")
	if !ok || !strings.HasPrefix(href, paths.Static+"/") {
		return "", fmt.Errorf("no stylesheet under %s on the login page", paths.Static)
	}
	return href, nil
}

// signInAgent signs an agent in through the back office's form and returns
// the Cookie header her browser would send.
func signInAgent(ctx context.Context, base, email, password string) (string, error) {
	jar, err := cookiejar.New(nil)
	if err != nil {
		return "", err
	}
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+paths.BackOfficeLogin, nil)
	if err != nil {
		return "", err
	}
	res, err := c.Do(req)
	if err != nil {
		return "", err
	}
	doc, err := goquery.NewDocumentFromReader(res.Body)
	res.Body.Close()
	if err != nil {
		return "", err
	}
	form := url.Values{"email": {email}, "mot_de_passe": {password}, "_csrf": {csrfOf(doc)}}
	if req, err = http.NewRequestWithContext(ctx, http.MethodPost, base+paths.BackOfficeLogin, strings.NewReader(form.Encode())); err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if res, err = c.Do(req); err != nil {
		return "", err
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != paths.BackOffice {
		return "", fmt.Errorf("agent %s: sign-in answered %d %q", email, res.StatusCode, res.Header.Get("Location"))
	}
	baseURL, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	var cookies []string
	for _, ck := range jar.Cookies(baseURL) {
		cookies = append(cookies, ck.Name+"="+ck.Value)
	}
	return strings.Join(cookies, "; "), nil
}
