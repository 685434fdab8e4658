// Package apptest runs the whole application against a fresh PostgreSQL
// database for handler tests: a client with a cookie jar, CSRF scraping,
// htmx requests, a movable clock and a count of database round trips.
package apptest

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/alexedwards/argon2id"
	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/net/html"

	"github.com/departement06/extranet-assmat/app/config"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/demo"
	"github.com/departement06/extranet-assmat/app/mail"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/app/web"
)

// Env is one application on its own database.
type Env struct {
	T      testing.TB
	URL    string // database
	Pool   *pgxpool.Pool
	App    *fiber.App
	Clock  *Clock
	Config config.Config
	// Trips counts the database round trips (queries and batches) since the last Reset.
	Trips *Counter
}

// New starts the application on a fresh database loaded with the demo data.
func New(t testing.TB) *Env {
	t.Helper()
	env := NewOn(t, pgtest.URL(t), nil)
	if _, err := demo.Load(context.Background(), env.Pool); err != nil {
		t.Fatalf("demo data: %v", err)
	}
	env.Trips.Reset()
	return env
}

// NewOn starts another application instance on an existing database; clock
// may be shared with another instance (nil: a new one). Options change the
// configuration before the app is built.
func NewOn(t testing.TB, dbURL string, clock *Clock, options ...func(*config.Config)) *Env {
	t.Helper()
	cfg, err := config.FromEnv(func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	cfg.DatabaseURL = dbURL
	for _, o := range options {
		o(&cfg)
	}
	if clock == nil {
		clock = &Clock{now: time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)}
	}
	trips := &Counter{}
	pcfg, err := pgxpool.ParseConfig(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	pcfg.ConnConfig.Tracer = trips
	pool, err := pgxpool.NewWithConfig(context.Background(), pcfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	// The queue polls in the background: on a pool of its own, it stays out
	// of the round trips counted for the pages (as in production, see main).
	queuePool, err := pgxpool.New(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(queuePool.Close)
	queue, err := mail.NewQueue(queuePool, mail.NewRenderer(cfg.BaseURL), mail.NewMailbox(db.New(queuePool), log),
		mail.QueueOptions{Log: log, PollInterval: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if err := queue.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		// A slow stop is not the test's result, but it is worth seeing.
		if err := queue.Stop(ctx); err != nil {
			t.Logf("stopping the mail queue: %v", err)
		}
	})
	app, err := web.New(context.Background(), web.Deps{Config: cfg, Pool: pool, Log: log, Now: clock.Now, Mail: queue})
	if err != nil {
		t.Fatal(err)
	}
	return &Env{T: t, URL: dbURL, Pool: pool, App: app, Clock: clock, Config: cfg, Trips: trips}
}

// NewAssmat adds an active childminder who signs in with login and password
// (a temporary one when mustChange) and returns her id: a second account for
// access-control tests, owner of nothing the demo accounts own.
func (e *Env) NewAssmat(login, password string, mustChange bool) int64 {
	e.T.Helper()
	// The library's defaults, as app/credentials stores them: the hash carries
	// its parameters, so that the login checks it like any other.
	hash, err := argon2id.CreateHash(password, argon2id.DefaultParams)
	if err != nil {
		e.T.Fatal(err)
	}
	email := login + "@example.fr"
	id, err := db.New(e.Pool).CreateAssmat(context.Background(), db.CreateAssmatParams{
		Login: login, Civilite: "Madame", Nom: "AUTRE", Prenom: "Bérénice",
		DateNaissance: time.Date(1982, 4, 9, 0, 0, 0, 0, time.UTC), SituationFamiliale: "Mariée",
		Adresse: "5 rue de France", CodePostal: "06000", Commune: "Nice",
		Email: &email, PasswordHash: &hash, MustChangePassword: mustChange,
	})
	if err != nil {
		e.T.Fatalf("new childminder %s: %v", login, err)
	}
	return id
}

// Serve starts the application on a loopback port, for real HTTP clients and
// browsers, and returns its base URL. It stops when the test ends.
func (e *Env) Serve() string {
	e.T.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		e.T.Fatal(err)
	}
	go func() { _ = e.App.Listener(l) }()
	e.T.Cleanup(func() { _ = e.App.ShutdownWithTimeout(5 * time.Second) })
	return "http://" + l.Addr().String()
}

// Clock is a settable time source.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// Now is the clock's time.
func (c *Clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

// Advance moves the clock forward.
func (c *Clock) Advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

// Counter is a pgx tracer counting round trips and the writing statements among them.
type Counter struct {
	trips  atomic.Int64
	writes atomic.Int64
	mu     sync.Mutex
	seen   []string // the statements since the last Reset, for a failure's message
	before func(sql string)
}

// Before runs f before each statement the app sends alone (not in a batch),
// on the request's goroutine: a test makes something happen at an exact
// point of a handler (a password changed between its check and the
// session's insert). f must not use the app's pool. nil removes it.
func (n *Counter) Before(f func(sql string)) {
	n.mu.Lock()
	n.before = f
	n.mu.Unlock()
}

// record keeps the start of a statement counted as a round trip.
func (n *Counter) record(sql string) {
	sql = strings.Join(strings.Fields(stripComments(sql)), " ")
	if len(sql) > 90 {
		sql = sql[:90] + "…"
	}
	n.mu.Lock()
	if len(n.seen) < 200 {
		n.seen = append(n.seen, sql)
	}
	n.mu.Unlock()
}

// Statements are the round trips since the last Reset (each statement's
// start; a batch is "batch"), to say in a failure what ran.
func (n *Counter) Statements() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]string(nil), n.seen...)
}

func (n *Counter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	// The session stores' clean-ups delete expired sessions every
	// minute on the app's pool, whatever the requests: it is no page's cost,
	// and counting it made a cost comparison fail once in a while.
	if strings.HasSuffix(d.SQL, session.CleanUpCondition) {
		return ctx
	}
	n.trips.Add(1)
	n.record(d.SQL)
	n.countWrite(d.SQL)
	n.mu.Lock()
	before := n.before
	n.mu.Unlock()
	if before != nil {
		before(d.SQL)
	}
	return ctx
}

// countWrite counts a statement that writes, WITH … INSERT/UPDATE/DELETE too.
func (n *Counter) countWrite(sql string) {
	sql = strings.ToUpper(strings.TrimSpace(stripComments(sql)))
	for _, w := range []string{"INSERT", "UPDATE", "DELETE", "TRUNCATE", "MERGE"} {
		if strings.HasPrefix(sql, w) || (strings.HasPrefix(sql, "WITH") && strings.Contains(sql, w+" ")) {
			n.writes.Add(1)
			return
		}
	}
}

func (n *Counter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// TraceBatchStart counts a batch as the single round trip it is.
func (n *Counter) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	n.trips.Add(1)
	n.record("batch")
	return ctx
}

// TraceBatchQuery counts the writes of a batch: a page must not hide one there.
func (n *Counter) TraceBatchQuery(_ context.Context, _ *pgx.Conn, d pgx.TraceBatchQueryData) {
	n.countWrite(d.SQL)
}
func (n *Counter) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

// Reset sets both counts to zero.
func (n *Counter) Reset() {
	n.trips.Store(0)
	n.writes.Store(0)
	n.mu.Lock()
	n.seen = nil
	n.mu.Unlock()
}

// Trips is the number of round trips since the last Reset.
func (n *Counter) Trips() int64 { return n.trips.Load() }

// Writes is the number of INSERT/UPDATE/DELETE statements since the last Reset.
func (n *Counter) Writes() int64 { return n.writes.Load() }

func stripComments(sql string) string {
	lines := strings.Split(sql, "\n")
	out := lines[:0]
	for _, l := range lines {
		if !strings.HasPrefix(strings.TrimSpace(l), "--") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// Client is a browser without JavaScript: it keeps cookies and the last CSRF token.
type Client struct {
	env     *Env
	app     *fiber.App
	cookies map[string]string
	// CSRF is the token of the last page that carried one.
	CSRF string
}

// Client returns a new visitor of this instance.
func (e *Env) Client() *Client { return &Client{env: e, app: e.App, cookies: map[string]string{}} }

// On returns a client of another instance that shares this client's cookies.
func (c *Client) On(e *Env) *Client {
	return &Client{env: e, app: e.App, cookies: c.cookies, CSRF: c.CSRF}
}

// Cookie is the value the client holds for a cookie ("" when none).
func (c *Client) Cookie(name string) string { return c.cookies[name] }

// SetCookie forces a cookie value (e.g. an old session id).
func (c *Client) SetCookie(name, value string) { c.cookies[name] = value }

// Response is an answer with its body read and parsed.
type Response struct {
	*http.Response
	Body string
	Doc  *goquery.Document
}

// Text is the text of the page (or fragment), one space between elements.
func (r *Response) Text() string { return TextOf(r.Doc.Selection) }

// TextOf is the text of a selection, one space between elements, scripts left out.
func TextOf(s *goquery.Selection) string {
	var parts []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			parts = append(parts, n.Data)
		case n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "head"):
			return
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	for _, n := range s.Nodes {
		walk(n)
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// Header names a header for a request.
type Header struct{ Name, Value string }

// HTMX marks a request as made by htmx.
var HTMX = Header{"HX-Request", "true"}

// Get requests a page.
func (c *Client) Get(path string, headers ...Header) *Response {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	return c.Do(req, headers...)
}

// Post sends a form as is (no CSRF token added).
func (c *Client) Post(path string, form url.Values, headers ...Header) *Response {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.Do(req, headers...)
}

// Submit sends a form with the client's current CSRF token, as a page would.
func (c *Client) Submit(path string, form url.Values, headers ...Header) *Response {
	if form == nil {
		form = url.Values{}
	}
	form.Set("_csrf", c.CSRF)
	return c.Post(path, form, headers...)
}

// Do sends a request with the client's cookies and records the ones it gets.
func (c *Client) Do(req *http.Request, headers ...Header) *Response {
	c.env.T.Helper()
	for name, value := range c.cookies {
		req.AddCookie(&http.Cookie{Name: name, Value: value})
	}
	for _, h := range headers {
		req.Header.Set(h.Name, h.Value)
	}
	res, err := c.app.Test(req, 30_000)
	if err != nil {
		c.env.T.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		// A cut body would let "the page does not say X" checks pass.
		c.env.T.Fatalf("%s %s: reading the body: %v", req.Method, req.URL, err)
	}
	for _, ck := range res.Cookies() {
		if ck.MaxAge < 0 || (!ck.Expires.IsZero() && ck.Expires.Before(time.Now())) || ck.Value == "" {
			delete(c.cookies, ck.Name)
		} else {
			c.cookies[ck.Name] = ck.Value
		}
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(body)))
	if err != nil {
		c.env.T.Fatalf("parse %s: %v", req.URL, err)
	}
	if tok, ok := doc.Find(`input[name="_csrf"]`).First().Attr("value"); ok {
		c.CSRF = tok
	}
	return &Response{Response: res, Body: string(body), Doc: doc}
}

// Login signs the client in through the login form and fails the test if it does not work.
func (c *Client) Login(login, password string) {
	c.env.T.Helper()
	c.Get("/connexion")
	res := c.Submit("/connexion", url.Values{"identifiant": {login}, "mot_de_passe": {password}})
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || (loc != "/" && loc != "/changement-mot-de-passe") {
		c.env.T.Fatalf("login %s: got %d %q", login, res.StatusCode, res.Header.Get("Location"))
	}
}

// Values builds a form from name, value pairs.
func Values(pairs ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Add(pairs[i], pairs[i+1])
	}
	return v
}

// Email is one email kept by the test mailbox.
type Email struct {
	To, Subject, Text, HTML string
}

// QueryRow scans one row of a query into dest, failing the test when the
// query fails: a check that reads the database must not pass on an error.
func (e *Env) QueryRow(sql string, args []any, dest ...any) {
	e.T.Helper()
	if err := e.Pool.QueryRow(context.Background(), sql, args...).Scan(dest...); err != nil {
		e.T.Fatalf("%s: %v", sql, err)
	}
}

// ExactlyEmails waits for n emails, gives a further one the time to arrive
// (the queue polls every 50 ms), and fails the test if the mailbox then
// holds more or fewer than n: for tests that some email must not be sent.
func (e *Env) ExactlyEmails(n int) []Email {
	e.T.Helper()
	e.WaitEmails(n)
	time.Sleep(500 * time.Millisecond)
	mails := e.WaitEmails(n)
	if len(mails) != n {
		e.T.Errorf("%d emails, want exactly %d", len(mails), n)
	}
	return mails
}

// WaitEmails waits (up to 10 s) until the mailbox holds n emails and returns
// them, oldest first; it fails the test if fewer arrive.
func (e *Env) WaitEmails(n int) []Email {
	e.T.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		rows, err := e.Pool.Query(context.Background(), `SELECT to_addr, subject, text, html FROM dev_mailbox ORDER BY id`)
		if err != nil {
			e.T.Fatal(err)
		}
		var mails []Email
		for rows.Next() {
			var m Email
			if err := rows.Scan(&m.To, &m.Subject, &m.Text, &m.HTML); err != nil {
				e.T.Fatal(err)
			}
			mails = append(mails, m)
		}
		if err := rows.Err(); err != nil {
			e.T.Fatalf("reading dev_mailbox: %v", err)
		}
		if len(mails) >= n {
			return mails
		}
		if time.Now().After(deadline) {
			e.T.Fatalf("%d email(s) arrived, want %d", len(mails), n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Link is the first link in an email's text that starts with the app's base URL + prefix.
func (m Email) Link(prefix string) string {
	for _, f := range strings.Fields(m.Text) {
		if i := strings.Index(f, prefix); i >= 0 && strings.HasPrefix(f, "http") {
			return f[i:]
		}
	}
	return ""
}

// HTMXIf is the htmx header when on, none otherwise: for tests that run each
// case as a plain request and as an htmx one.
func HTMXIf(on bool) []Header {
	if on {
		return []Header{HTMX}
	}
	return nil
}
