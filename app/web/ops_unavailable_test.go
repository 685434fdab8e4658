package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/apptest"
)

const (
	unavailableTitle   = "Service momentanément indisponible"
	unavailableMessage = "Service momentanément surchargé, réessayez dans un instant."
)

// When PostgreSQL goes away under a signed-in childminder, she is told to try
// again in a moment (503 + Retry-After), not that something broke (500): the
// pooled connections are killed, and no new one is accepted.
func TestLostDatabaseAnswers503WithRetryAfter(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	if res := c.Get("/"); res.StatusCode != http.StatusOK {
		t.Fatalf("dashboard before the loss: %d", res.StatusCode)
	}

	// From the cluster's "postgres" database, as an operator would.
	u, err := url.Parse(env.URL)
	if err != nil {
		t.Fatal(err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	u.Path = "/postgres"
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	// Cleanups run last-registered first: the connection closes after the
	// database is opened again (a deferred Close ran before the cleanup, whose
	// discarded error hid that it never reopened the database).
	t.Cleanup(func() {
		if err := admin.Close(ctx); err != nil {
			t.Errorf("closing the admin connection: %v", err)
		}
	})
	db := pgx.Identifier{name}.Sanitize()
	if _, err := admin.Exec(ctx, "ALTER DATABASE "+db+" ALLOW_CONNECTIONS false"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(ctx, "ALTER DATABASE "+db+" ALLOW_CONNECTIONS true"); err != nil {
			t.Errorf("ALTER DATABASE %s ALLOW_CONNECTIONS true: %v", db, err)
		}
	})
	var killed int
	if err := admin.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE datname = $1 AND pid <> pg_backend_pid()`, name).Scan(&killed); err != nil {
		t.Fatal(err)
	}
	if killed == 0 {
		t.Fatal("no connection of the app was terminated: the test would prove nothing")
	}

	// The first request meets the killed pooled connections, the next ones the refusal.
	for i, htmx := range []bool{false, true, false} {
		res := c.Get("/", apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("request %d (htmx %v) without a database: %d, want 503\n%s", i, htmx, res.StatusCode, res.Text())
		}
		if ra := res.Header.Get("Retry-After"); ra == "" {
			t.Errorf("request %d: 503 without Retry-After", i)
		}
		if got := res.Doc.Find("h1").Text(); got != unavailableTitle {
			t.Errorf("request %d: heading %q", i, got)
		}
		if !strings.Contains(res.Text(), unavailableMessage) {
			t.Errorf("request %d: no French message: %s", i, res.Text())
		}
		if isPage := strings.HasPrefix(strings.ToLower(res.Body), "<!doctype html>"); isPage == htmx {
			t.Errorf("request %d (htmx %v): full page %v", i, htmx, isPage)
		}
	}
}
