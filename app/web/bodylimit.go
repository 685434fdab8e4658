package web

import (
	"bytes"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/departement06/extranet-assmat/components/paths"
)

// uploadBodyLimit is the largest body: a "Documents utiles" entry posted with
// its file of at most 10 MB (the handler refuses a larger file in French).
const uploadBodyLimit = 11 << 20

// limitBodies sets each request's body limit from its headers alone, before
// a byte of the body is read: the back office's document forms may send
// uploadBodyLimit, every other request bodyLimit. Fiber has one BodyLimit
// for the whole server; raising it for the uploads would otherwise let any
// anonymous request make the server read and hold 11 MB. An oversized
// announced body gets the French 413 without being read.
func limitBodies(app *fiber.App) {
	app.Server().HeaderReceived = func(h *fasthttp.RequestHeader) fasthttp.RequestConfig {
		if uploadRoute(h.Method(), h.RequestURI()) {
			return fasthttp.RequestConfig{MaxRequestBodySize: uploadBodyLimit}
		}
		return fasthttp.RequestConfig{MaxRequestBodySize: bodyLimit}
	}
}

// smallBodies is the same rule inside the app, for a body that reached it
// some other way (a test's app.Test, which skips the server's header hook).
func smallBodies(c *fiber.Ctx) error {
	if len(c.Request().Body()) > bodyLimit && !uploadRoute(c.Request().Header.Method(), c.Request().URI().RequestURI()) {
		return fiber.ErrRequestEntityTooLarge
	}
	return c.Next()
}

// uploadRoute is a POST to the back office's documents (new entry, edit).
func uploadRoute(method, uri []byte) bool {
	return bytes.Equal(method, []byte(fiber.MethodPost)) && bytes.HasPrefix(uri, []byte(paths.BackOfficeDocuments+"/"))
}
