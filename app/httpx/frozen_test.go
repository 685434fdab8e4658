package httpx_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// frozenApp answers /page with a frozen login page, and any other answer as
// Render would; the request's token and user come from test headers.
func frozenApp(f *httpx.Frozen, view func() httpx.View) *fiber.App {
	app := fiber.New()
	app.Use(func(c *fiber.Ctx) error {
		httpx.SetCSRFToken(c, c.Get("Test-Token"))
		if c.Get("Test-User") != "" {
			httpx.SetUser(c, &components.User{MenuLabel: c.Get("Test-User")})
		}
		return c.Next()
	})
	app.Get("/*", func(c *fiber.Ctx) error {
		if sent, err := f.Send(c); sent {
			c.Set("Test-Frozen", "yes")
			return err
		}
		return httpx.Render(c, view())
	})
	return app
}

func loginView() httpx.View {
	return httpx.View{Title: "Connexion", Page: components.LoginPage(components.LoginProps{}), Status: fiber.StatusOK}
}

func get(t *testing.T, app *fiber.App, path string, headers ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := app.Test(req)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}

// The frozen page is byte for byte the page Render gives the same request,
// with the same headers, and each request's own token in every place.
func TestFrozenPageIsTheRenderedPageWithItsToken(t *testing.T) {
	frozen := frozenApp(httpx.NewFrozen("/page", loginView), loginView)
	rendered := frozenApp(httpx.NewFrozen("/elsewhere", loginView), loginView)
	for _, token := range []string{"tokenAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "tokenBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"} {
		fres, fbody := get(t, frozen, "/page", "Test-Token", token)
		rres, rbody := get(t, rendered, "/page", "Test-Token", token)
		if fres.Header.Get("Test-Frozen") != "yes" || rres.Header.Get("Test-Frozen") != "" {
			t.Fatalf("frozen answered %q, rendered %q", fres.Header.Get("Test-Frozen"), rres.Header.Get("Test-Frozen"))
		}
		if fbody != rbody {
			t.Errorf("the frozen page differs from the rendered one:\nfrozen:   %.300s\nrendered: %.300s", fbody, rbody)
		}
		if n := strings.Count(fbody, token); n == 0 {
			t.Errorf("the frozen page lacks its token")
		}
		if strings.Contains(fbody, "FROZEN") {
			t.Errorf("the frozen page shows its placeholder")
		}
		for _, h := range []string{"Content-Type", "Cache-Control", "Vary"} {
			if fres.Header.Get(h) != rres.Header.Get(h) {
				t.Errorf("%s: frozen %q, rendered %q", h, fres.Header.Get(h), rres.Header.Get(h))
			}
		}
		if fres.StatusCode != rres.StatusCode {
			t.Errorf("status: frozen %d, rendered %d", fres.StatusCode, rres.StatusCode)
		}
	}
}

// Anything but the anonymous full page of exactly its path is rendered.
func TestFrozenPageAnswersOnlyTheAnonymousFullPage(t *testing.T) {
	app := frozenApp(httpx.NewFrozen("/page", loginView), loginView)
	cases := []struct {
		name    string
		path    string
		headers []string
	}{
		{"htmx", "/page", []string{"Test-Token", "t", "HX-Request", "true"}},
		{"signed in", "/page", []string{"Test-Token", "t", "Test-User", "GERTRUDE"}},
		{"another spelling of the path", "/PAGE", []string{"Test-Token", "t"}},
		{"another path", "/page/2", []string{"Test-Token", "t"}},
		{"no token", "/page", nil},
	}
	for _, tc := range cases {
		res, _ := get(t, app, tc.path, tc.headers...)
		if res.Header.Get("Test-Frozen") != "" {
			t.Errorf("%s: answered frozen", tc.name)
		}
	}
	if res, _ := get(t, app, "/page", "Test-Token", "t"); res.Header.Get("Test-Frozen") != "yes" {
		t.Errorf("the anonymous full page was not answered frozen")
	}
}

// Frozen renders for a components.Request it builds itself (token, path, no
// user). A field added to Request would be missing from frozen pages: this
// test fails so that whoever adds one decides what Frozen does with it.
func TestFrozenKnowsEveryFieldOfTheRequest(t *testing.T) {
	var names []string
	typ := reflect.TypeOf(components.Request{})
	for i := range typ.NumField() {
		names = append(names, typ.Field(i).Name)
	}
	if got := strings.Join(names, " "); got != "CSRFToken User Path" {
		t.Errorf("components.Request has fields %q: check httpx.Frozen (freeze and Send) for the new ones", got)
	}
}
