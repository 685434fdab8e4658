package resilience

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/valyala/fasthttp"

	"github.com/departement06/extranet-assmat/app/migrate"
)

// createDatabase creates a database in the test's own cluster, migrates it,
// and returns its URL.
func createDatabase(t *testing.T, adminURL, name string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatal(err)
	}
	dbURL := strings.Replace(adminURL, "/postgres?", "/"+name+"?", 1)
	if dbURL == adminURL {
		t.Fatalf("cannot name database %s in %s", name, adminURL)
	}
	if _, err := migrate.Up(ctx, dbURL); err != nil {
		t.Fatalf("migrations: %v", err)
	}
	return dbURL
}

// The 503 page's heading (app/web/errors.go): French, for a person.
const unavailableHeading = "Service momentanément indisponible"

// internalTexts are fragments of Go, pgx and PostgreSQL error texts: none
// may reach a visitor.
var internalTexts = []string{"dial tcp", "connection refused", "pgx", "pgconn", "sqlstate", "eof", "context deadline",
	"closed pool", "failed to connect", "terminating connection", "shutting down", "goroutine", "panic"}

// cleanUnavailable says what is wrong with a 503 ("" when nothing): it must
// tell when to retry, and be the French page without any internal text.
func cleanUnavailable(res *fasthttp.Response) string {
	if s, err := strconv.Atoi(string(res.Header.Peek(fasthttp.HeaderRetryAfter))); err != nil || s <= 0 {
		return "503 without a Retry-After in seconds: " + strconv.Quote(string(res.Header.Peek(fasthttp.HeaderRetryAfter)))
	}
	if ct := string(res.Header.ContentType()); !strings.HasPrefix(ct, "text/html") {
		return "503 of type " + ct
	}
	body := string(res.Body())
	if !strings.Contains(body, unavailableHeading) {
		return "503 without the French page: " + body
	}
	lower := strings.ToLower(body)
	for _, s := range internalTexts {
		if strings.Contains(lower, s) {
			return "503 showing an internal error text (" + s + "): " + body
		}
	}
	return ""
}

// appErrors returns the first n lines the app logged at level ERROR other
// than the 503s: what to read when a request broke the rules.
func appErrors(logPath string, n int) string {
	f, err := os.Open(logPath)
	if err != nil {
		return err.Error()
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() && len(lines) < n {
		if l := sc.Text(); strings.Contains(l, "level=ERROR") && !strings.Contains(l, "status=503") {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return "(no error logged but 503s)"
	}
	return "\n" + strings.Join(lines, "\n")
}

// logSize is the app log's size, lines and lines at level ERROR: a database
// outage must not flood the log either.
func logSize(logPath string) string {
	raw, err := os.ReadFile(logPath)
	if err != nil {
		return err.Error()
	}
	return fmt.Sprintf("%d bytes, %d lines, %d at level ERROR", len(raw), strings.Count(string(raw), "\n"), strings.Count(string(raw), "level=ERROR"))
}

// The restart test's checks can fail: a 503 that does not say when to retry,
// that is not the French page, or that shows an internal error is refused,
// and so are a 500 and a declaration not saved.
func TestRestartChecksRefuseWhatAVisitorMustNotGet(t *testing.T) {
	page := "<!doctype html><html><body><h1>" + unavailableHeading + "</h1><p>Service momentanément surchargé, réessayez dans un instant.</p></body></html>"
	response := func(status int, retryAfter, contentType, body string) *fasthttp.Response {
		res := &fasthttp.Response{}
		res.SetStatusCode(status)
		if retryAfter != "" {
			res.Header.Set(fasthttp.HeaderRetryAfter, retryAfter)
		}
		res.Header.SetContentType(contentType)
		res.SetBodyString(body)
		return res
	}
	if why := cleanUnavailable(response(503, "5", "text/html; charset=utf-8", page)); why != "" {
		t.Errorf("the app's 503 page refused: %s", why)
	}
	for name, res := range map[string]*fasthttp.Response{
		"no Retry-After":       response(503, "", "text/html; charset=utf-8", page),
		"a date Retry-After":   response(503, "Wed, 21 Oct 2026 07:28:00 GMT", "text/html; charset=utf-8", page),
		"plain text":           response(503, "5", "text/plain; charset=utf-8", "Service Unavailable"),
		"English page":         response(503, "5", "text/html; charset=utf-8", "<h1>Service Unavailable</h1>"),
		"Go error in the page": response(503, "5", "text/html; charset=utf-8", strings.Replace(page, "</p>", " dial tcp 127.0.0.1:5432: connect: connection refused</p>", 1)),
	} {
		if cleanUnavailable(res) == "" {
			t.Errorf("%s: accepted as a clean 503", name)
		}
	}
	if ok, _ := expected("dashboard", false, response(500, "", "text/html", "Erreur technique")); ok {
		t.Error("a 500 accepted as a page")
	}
	if ok, _ := expected("declaration", false, response(422, "", "text/html", "")); ok {
		t.Error("a refused declaration accepted as saved")
	}
	if ok, _ := expected("declaration (htmx)", true, response(200, "", "text/html", "")); ok {
		t.Error("an htmx declaration without HX-Redirect accepted as saved")
	}
}
