package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/components"
)

func TestDatabaseUnavailableTellsOutagesFromBugs(t *testing.T) {
	// A real connection refusal: a loopback port nobody listens on.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, refused := pgconn.Connect(ctx, "postgres://postgres@"+addr+"/x?sslmode=disable&connect_timeout=2")
	if refused == nil {
		t.Fatal("connected to a closed port")
	}

	wrap := func(err error) error { return fmt.Errorf("get assmat: %w", err) }
	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"connection refused", refused, true},
		{"connection refused, wrapped", wrap(refused), true},
		{"admin_shutdown (terminated)", wrap(&pgconn.PgError{Code: "57P01"}), true},
		{"crash_shutdown", &pgconn.PgError{Code: "57P02"}, true},
		{"cannot_connect_now (starting)", &pgconn.PgError{Code: "57P03"}, true},
		{"too_many_connections", &pgconn.PgError{Code: "53300"}, true},
		{"connection_failure", &pgconn.PgError{Code: "08006"}, true},
		{"statement timeout", &pgconn.PgError{Code: "57014"}, true},
		{"deadline while acquiring", wrap(context.DeadlineExceeded), true},
		{"closed pool", errors.New("closed pool"), true},
		{"conn closed", wrap(pgconn.ErrConnClosed), true},
		{"unexpected EOF", wrap(io.ErrUnexpectedEOF), true},
		{"connection reset", wrap(&net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}), true},
		// Bugs and bad data stay 500s.
		{"unique violation", wrap(&pgconn.PgError{Code: "23505"}), false},
		{"NUL byte in text", &pgconn.PgError{Code: "22021"}, false},
		{"syntax error", &pgconn.PgError{Code: "42601"}, false},
		{"no rows", wrap(pgx.ErrNoRows), false},
		{"plain error", errors.New("nil map"), false},
	}
	for _, tc := range cases {
		if got := databaseUnavailable(tc.err); got != tc.want {
			t.Errorf("%s: databaseUnavailable(%v) = %v, want %v", tc.name, tc.err, got, tc.want)
		}
	}
}

// Every 503 — a lost database or a refusal on purpose (the password hashing
// is saturated) — is the same French page or fragment, with Retry-After.
func TestEvery503SaysTryAgainInAMoment(t *testing.T) {
	var logged strings.Builder
	app := fiber.New(fiber.Config{ErrorHandler: errorHandler(slog.New(slog.NewTextHandler(&logged, nil)))})
	app.Get("/surcharge", func(*fiber.Ctx) error { return fiber.NewError(fiber.StatusServiceUnavailable) })
	app.Get("/base-perdue", func(*fiber.Ctx) error {
		return fmt.Errorf("load: %w", &pgconn.PgError{Code: "57P01", Message: "terminating connection due to administrator command"})
	})
	app.Get("/hachage-sature", func(*fiber.Ctx) error { return fmt.Errorf("check: %w", credentials.ErrBusy) })
	for _, path := range []string{"/surcharge", "/base-perdue", "/hachage-sature"} {
		for _, htmx := range []bool{false, true} {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			if htmx {
				req.Header.Set("HX-Request", "true")
			}
			res, err := app.Test(req)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := io.ReadAll(res.Body)
			if err != nil {
				t.Fatalf("reading the response: %v", err)
			}
			body := string(raw)
			if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") != retryAfter {
				t.Errorf("%s htmx=%v: %d Retry-After %q", path, htmx, res.StatusCode, res.Header.Get("Retry-After"))
			}
			if !strings.Contains(body, "Service momentanément indisponible") ||
				!strings.Contains(body, "Service momentanément surchargé, réessayez dans un instant.") {
				t.Errorf("%s htmx=%v: not the French 503: %s", path, htmx, body)
			}
			if isPage := strings.HasPrefix(strings.ToLower(body), "<!doctype html>"); isPage == htmx {
				t.Errorf("%s htmx=%v: full page %v", path, htmx, isPage)
			}
			if target := res.Header.Get("HX-Retarget"); htmx != (target == "#"+components.RequestAlertID) {
				t.Errorf("%s htmx=%v: HX-Retarget %q, want the page's alert region for htmx only", path, htmx, target)
			}
			if strings.Contains(body, "administrator") {
				t.Errorf("%s: internal text shown: %s", path, body)
			}
		}
	}
	if !strings.Contains(logged.String(), "terminating connection") {
		t.Errorf("the lost database was not logged: %s", logged.String())
	}
}

// While PostgreSQL is away every request fails alike: the log gets one
// warning a second, saying how many requests it stands for, not one error
// line per request (2 s of outage under load wrote 18,000 of them).
func TestALostDatabaseIsLoggedOnceASecond(t *testing.T) {
	var logged strings.Builder
	clock := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	lost := &sampled{every: time.Second, now: func() time.Time { return clock }}
	app := fiber.New(fiber.Config{ErrorHandler: errorHandlerWith(slog.New(slog.NewTextHandler(&logged, nil)), lost)})
	app.Get("/base-perdue", func(*fiber.Ctx) error {
		return fmt.Errorf("load: %w", &pgconn.PgError{Code: "57P01", Message: "terminating connection due to administrator command"})
	})
	get := func() {
		res, err := app.Test(httptest.NewRequest(http.MethodGet, "/base-perdue", nil))
		if err != nil {
			t.Fatal(err)
		}
		if res.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("status %d", res.StatusCode)
		}
	}
	for range 50 {
		get()
		clock = clock.Add(10 * time.Millisecond) // 50 requests in half a second
	}
	clock = clock.Add(600 * time.Millisecond)
	get()
	lines := strings.Split(strings.TrimSpace(logged.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "level=WARN") || !strings.Contains(lines[0], "requests=1 ") ||
		!strings.Contains(lines[1], "requests=50 ") || strings.Contains(logged.String(), "level=ERROR") {
		t.Errorf("want two warnings, for 1 then 50 requests:\n%s", logged.String())
	}
}
