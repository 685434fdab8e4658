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
