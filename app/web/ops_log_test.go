package web_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/config"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
	"github.com/departement06/extranet-assmat/app/web"
)

// An emailed link's token is as good as a password for an hour: the access
// log and the error log of a request to a link must not hold it, in the
// development (text) and the production (JSON) formats alike.
func TestOneTimeTokensStayOutOfTheLogs(t *testing.T) {
	t.Parallel()
	const token = "Zx8-3kQ_pL0aVb9cDe1fGh2iJk3lMn4oPq5rSt6uVw7"
	formats := map[string]func(io.Writer) slog.Handler{
		"text": func(w io.Writer) slog.Handler { return slog.NewTextHandler(w, nil) },
		"json": func(w io.Writer) slog.Handler { return slog.NewJSONHandler(w, nil) },
	}
	for name, handler := range formats {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			logs := &lockedBuffer{}
			cfg, err := config.FromEnv(func(string) string { return "" })
			if err != nil {
				t.Fatal(err)
			}
			pool, err := pgxpool.New(context.Background(), pgtest.URL(t))
			if err != nil {
				t.Fatal(err)
			}
			defer pool.Close()
			app, err := web.New(context.Background(), web.Deps{Config: cfg, Pool: pool, Log: slog.New(handler(logs))})
			if err != nil {
				t.Fatal(err)
			}
			requests := []struct{ method, path string }{
				{http.MethodGet, "/mot-de-passe/" + token},
				{http.MethodGet, "/adresse-email/" + token},
				{http.MethodGet, "/MOT-DE-PASSE/" + token},
				{http.MethodPost, "/mot-de-passe/" + token}, // no CSRF token: 403
				{http.MethodPost, "/adresse-email/" + token},
			}
			for _, r := range requests {
				res, err := app.Test(httptest.NewRequest(r.method, r.path, nil), 10_000)
				if err != nil {
					t.Fatal(err)
				}
				res.Body.Close()
			}
			// A failing request is logged twice (error, then access): lose the database.
			pool.Close()
			res, err := app.Test(httptest.NewRequest(http.MethodGet, "/adresse-email/"+token, nil), 10_000)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode < 500 {
				t.Fatalf("without a database the link answered %d", res.StatusCode)
			}

			out := logs.String()
			if strings.Contains(out, token) || strings.Contains(out, token[:16]) {
				t.Errorf("a token reached the log:\n%s", out)
			}
			if n := strings.Count(out, "/mot-de-passe/[redacted]"); n != 2 {
				t.Errorf("%d access lines for the password link, want 2:\n%s", n, out)
			}
			if n := strings.Count(out, "/MOT-DE-PASSE/[redacted]"); n != 1 {
				t.Errorf("%d access lines for the upper-case link, want 1:\n%s", n, out)
			}
			// 2 access lines + the failure's error line and access line.
			if n := strings.Count(out, "/adresse-email/[redacted]"); n != 4 {
				t.Errorf("%d lines for the email link, want 4:\n%s", n, out)
			}
			if !strings.Contains(out, "database unavailable") {
				t.Errorf("the failure was not logged:\n%s", out)
			}
		})
	}
}

// lockedBuffer collects log lines written from the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
