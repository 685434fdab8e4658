package httpx_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
)

// Over https the notice cookie carries Secure and its __Host- name, as the session and CSRF
// cookies do, even though a proxy that ends TLS hands the request over http.
func TestNoticeCookieIsSecureOnAnHTTPSApp(t *testing.T) {
	for _, https := range []bool{false, true} {
		app := fiber.New()
		app.Use(httpx.SecureCookies(https))
		app.Get("/set", func(c *fiber.Ctx) error {
			httpx.SetNotice(c, sampleKey)
			return c.SendStatus(fiber.StatusNoContent)
		})
		app.Get("/take", func(c *fiber.Ctx) error {
			return c.SendString(httpx.TakeNotice(c))
		})

		res, err := app.Test(httptest.NewRequest(http.MethodGet, "/set", nil))
		if err != nil {
			t.Fatal(err)
		}
		set := flashCookie(res)
		if set == nil || set.Value != sampleKey {
			t.Fatalf("https=%v: no notice cookie: %v", https, res.Header.Values("Set-Cookie"))
		}
		if set.Secure != https || !set.HttpOnly {
			t.Errorf("https=%v: notice cookie Secure=%v HttpOnly=%v", https, set.Secure, set.HttpOnly)
		}
		if prefixed := strings.HasPrefix(set.Name, "__Host-"); prefixed != https {
			t.Errorf("https=%v: notice cookie named %q", https, set.Name)
		}

		req := httptest.NewRequest(http.MethodGet, "/take", nil)
		req.AddCookie(&http.Cookie{Name: set.Name, Value: set.Value})
		if res, err = app.Test(req); err != nil {
			t.Fatal(err)
		}
		cleared := flashCookie(res)
		if cleared == nil || cleared.Value != "" {
			t.Fatalf("https=%v: notice not cleared: %v", https, res.Header.Values("Set-Cookie"))
		}
		if cleared.Secure != https {
			t.Errorf("https=%v: clearing cookie Secure=%v", https, cleared.Secure)
		}
	}
}

// A sample feature's notice, as a feature declares it.
const sampleKey = "exemple"

// Each feature registers its own notices; TakeNotice shows the registered
// text of the key the cookie carries, and nothing for a key no feature owns.
func TestTakeNoticeShowsTheTextAFeatureRegistered(t *testing.T) {
	app := fiber.New()
	app.Use(httpx.WithNotices(
		map[string]string{sampleKey: "Texte de l'exemple."},
		map[string]string{"autre": "Texte d'une autre fonctionnalité."},
	))
	app.Get("/take", func(c *fiber.Ctx) error { return c.SendString(httpx.TakeNotice(c)) })
	for key, want := range map[string]string{
		sampleKey:                   "Texte de l'exemple.",
		"autre":                     "Texte d'une autre fonctionnalité.",
		"inconnue":                  "",
		"<script>alert(1)</script>": "",
		"enfant-supprime":           "", // app/children's key: not registered here
	} {
		req := httptest.NewRequest(http.MethodGet, "/take", nil)
		req.AddCookie(&http.Cookie{Name: "flash", Value: key})
		res, err := app.Test(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		if string(body) != want {
			t.Errorf("key %q: got %q, want %q", key, body, want)
		}
	}
}

// Two features that claim the same key would show one's text for the
// other's notice: the start-up fails instead.
func TestWithNoticesRefusesAKeyRegisteredTwice(t *testing.T) {
	defer func() {
		if r := recover(); r == nil {
			t.Error("a key registered twice was accepted")
		} else if msg := fmt.Sprint(r); !strings.Contains(msg, `"exemple"`) {
			t.Errorf("the panic does not name the key: %s", msg)
		}
	}()
	httpx.WithNotices(map[string]string{sampleKey: "Un."}, map[string]string{sampleKey: "Deux."})
}

// flashCookie is the notice's cookie: "flash", "__Host-flash" over HTTPS.
func flashCookie(res *http.Response) *http.Cookie {
	for _, c := range res.Cookies() {
		if c.Name == "flash" || c.Name == "__Host-flash" {
			return c
		}
	}
	return nil
}
