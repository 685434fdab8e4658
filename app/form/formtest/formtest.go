// Package formtest builds the fiber request a form parser reads, so that the
// parsers' table tests and fuzz targets run the real decoding path
// (urlencoded body, fiber's FormValue) without a server.
package formtest

import (
	"net/url"
	"sync"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

var app = sync.OnceValue(func() *fiber.App { return fiber.New() })

// Ctx is a POST whose urlencoded body holds values, released when the test ends.
func Ctx(t testing.TB, values url.Values) *fiber.Ctx {
	return Body(t, values.Encode())
}

// Body is a POST with that raw urlencoded body (a fuzzer's bytes as they come).
func Body(t testing.TB, body string) *fiber.Ctx {
	t.Helper()
	c := app().AcquireCtx(&fasthttp.RequestCtx{})
	c.Request().Header.SetMethod(fiber.MethodPost)
	c.Request().Header.SetContentType(fiber.MIMEApplicationForm)
	c.Request().SetBodyString(body)
	t.Cleanup(func() { app().ReleaseCtx(c) })
	return c
}

// Values is a url.Values from name, value pairs.
func Values(pairs ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Add(pairs[i], pairs[i+1])
	}
	return v
}
