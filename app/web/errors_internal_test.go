package web

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
)

func TestInternalErrorsNeverReachTheUser(t *testing.T) {
	var logged strings.Builder
	log := slog.New(slog.NewTextHandler(&logged, nil))
	app := fiber.New(fiber.Config{ErrorHandler: errorHandler(log)})
	app.Use(requestID, recover.New())
	app.Get("/err", func(*fiber.Ctx) error { return errors.New("pgx: password authentication failed for user secret") })
	app.Get("/panic", func(*fiber.Ctx) error { panic("nil map in secret code") })
	for _, path := range []string{"/err", "/panic"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("X-Request-ID", "forged-reference")
		res, err := app.Test(req)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatalf("reading the response: %v", err)
		}
		if res.StatusCode != http.StatusInternalServerError {
			t.Errorf("%s: status %d", path, res.StatusCode)
		}
		if strings.Contains(string(body), "secret") {
			t.Errorf("%s: internal text shown: %s", path, body)
		}
		rid := res.Header.Get("X-Request-Id")
		if rid == "" || rid == "forged-reference" || strings.Contains(logged.String(), "forged-reference") {
			t.Errorf("%s: request id %q: the client's own was taken", path, rid)
		}
		if !strings.Contains(string(body), "Erreur technique") || !strings.Contains(string(body), rid) {
			t.Errorf("%s: no French page with the reference %s: %s", path, rid, body)
		}
		if !strings.Contains(logged.String(), rid) || !strings.Contains(logged.String(), "secret") {
			t.Errorf("%s: the error was not logged with its request id: %s", path, logged.String())
		}
	}
}
