package httpx_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
)

func testApp() *fiber.App {
	app := fiber.New()
	page := templ.Raw(`<p id="page">la page</p>`)
	fragment := templ.Raw(`<p id="fragment">le fragment</p>`)
	app.Get("/with-fragment", func(c *fiber.Ctx) error {
		return httpx.Render(c, httpx.View{Title: "Essai", Page: page, Fragment: fragment})
	})
	app.Get("/page-only", func(c *fiber.Ctx) error {
		return httpx.Render(c, httpx.View{Title: "Essai", Page: page, Status: fiber.StatusUnprocessableEntity})
	})
	app.Post("/go", func(c *fiber.Ctx) error { return httpx.Redirect(c, "/ailleurs") })
	return app
}

func do(t *testing.T, app *fiber.App, method, path string, headers map[string]string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := app.Test(req)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("reading the response: %v", err)
	}
	return res, string(body)
}

func TestRenderChoosesFragmentOrPage(t *testing.T) {
	app := testApp()
	cases := []struct {
		name     string
		path     string
		headers  map[string]string
		wantPage bool // the layout around the page
		wantPart string
	}{
		{"plain request", "/with-fragment", nil, true, `id="page"`},
		{"htmx request", "/with-fragment", map[string]string{"HX-Request": "true"}, false, `id="fragment"`},
		{"boosted navigation", "/with-fragment", map[string]string{"HX-Request": "true", "HX-Boosted": "true"}, true, `id="page"`},
		{"history restore", "/with-fragment", map[string]string{"HX-Request": "true", "HX-History-Restore-Request": "true"}, true, `id="page"`},
		{"htmx without a fragment gets the bare page", "/page-only", map[string]string{"HX-Request": "true"}, false, `id="page"`},
		{"not htmx: a stray header value", "/with-fragment", map[string]string{"HX-Request": "false"}, true, `id="page"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, body := do(t, app, http.MethodGet, tc.path, tc.headers)
			isPage := strings.Contains(body, "<!doctype html>") && strings.Contains(body, `<html lang="fr">`)
			if isPage != tc.wantPage {
				t.Errorf("full page = %v, want %v: %s", isPage, tc.wantPage, body)
			}
			if !strings.Contains(body, tc.wantPart) {
				t.Errorf("body lacks %s", tc.wantPart)
			}
			if !strings.Contains(res.Header.Get("Vary"), "HX-Request") {
				t.Errorf("Vary = %q", res.Header.Get("Vary"))
			}
			if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
		})
	}
	res, body := do(t, app, http.MethodGet, "/page-only", nil)
	if res.StatusCode != fiber.StatusUnprocessableEntity {
		t.Errorf("status = %d, want 422", res.StatusCode)
	}
	if !strings.Contains(body, "<title>Essai – ") {
		t.Errorf("page title missing: %s", body)
	}
}

func TestRedirectUsesHXRedirectForHTMXAnd303Otherwise(t *testing.T) {
	app := testApp()
	res, _ := do(t, app, http.MethodPost, "/go", nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/ailleurs" {
		t.Errorf("plain: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	res, _ = do(t, app, http.MethodPost, "/go", map[string]string{"HX-Request": "true"})
	if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/ailleurs" || res.Header.Get("Location") != "" {
		t.Errorf("htmx: %d HX-Redirect=%q Location=%q", res.StatusCode, res.Header.Get("HX-Redirect"), res.Header.Get("Location"))
	}
}

// A render that fails half-way leaves nothing of the page in the response:
// the error handler answers on an empty body (here fiber's status text).
func TestAFailedRenderLeavesNoHalfPage(t *testing.T) {
	app := fiber.New(fiber.Config{ErrorHandler: func(c *fiber.Ctx, _ error) error {
		return c.SendStatus(fiber.StatusInternalServerError)
	}})
	half := templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		if _, err := io.WriteString(w, `<p id="half">une moitié de page</p>`+strings.Repeat("x", 9000)); err != nil {
			return err
		}
		return errors.New("the template failed")
	})
	app.Get("/half", func(c *fiber.Ctx) error {
		return httpx.Render(c, httpx.View{Title: "Essai", Page: half, Fragment: half})
	})
	for _, headers := range []map[string]string{nil, {"HX-Request": "true"}} {
		res, body := do(t, app, http.MethodGet, "/half", headers)
		if res.StatusCode != fiber.StatusInternalServerError || body != "Internal Server Error" {
			t.Errorf("htmx %v: %d %.80q, want 500 and the status text alone", headers != nil, res.StatusCode, body)
		}
	}
}
