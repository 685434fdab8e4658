package httpx_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
)

// Over https the notice cookie carries Secure, as the session and CSRF
// cookies do, even though a proxy that ends TLS hands the request over http.
func TestNoticeCookieIsSecureOnAnHTTPSApp(t *testing.T) {
	for _, https := range []bool{false, true} {
		app := fiber.New()
		app.Use(httpx.SecureCookies(https))
		app.Get("/set", func(c *fiber.Ctx) error {
			httpx.SetNotice(c, httpx.NoticeLoggedOut)
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
		if set == nil || set.Value != httpx.NoticeLoggedOut {
			t.Fatalf("https=%v: no notice cookie: %v", https, res.Header.Values("Set-Cookie"))
		}
		if set.Secure != https || !set.HttpOnly {
			t.Errorf("https=%v: notice cookie Secure=%v HttpOnly=%v", https, set.Secure, set.HttpOnly)
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

func flashCookie(res *http.Response) *http.Cookie {
	for _, c := range res.Cookies() {
		if c.Name == "flash" {
			return c
		}
	}
	return nil
}
