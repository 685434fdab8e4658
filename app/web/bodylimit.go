package web

import (
	"bytes"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// uploadBodyLimit is the body of a "Documents utiles" entry posted with its
// file of at most 10 MB (the handler refuses a larger file in French).
const uploadBodyLimit = 11 << 20

// importBodyLimit is the largest body: the Genesis import's file of at most
// 50 MB (app/boimport refuses a larger file in French), with its form.
const importBodyLimit = 51 << 20

// slowTransfer bounds the import's upload (50 MB at 1 Mbit/s is 7 minutes)
// and the declarations export's download, instead of the server's 30 s:
// both are large files on purpose; every other request keeps 30 s.
const slowTransfer = 10 * time.Minute

// limitBodies sets each request's body limit from its headers alone, before
// a byte of the body is read: the back office's document forms may send
// uploadBodyLimit, every other request bodyLimit. Fiber has one BodyLimit
// for the whole server; raising it for the uploads would otherwise let any
// anonymous request make the server read and hold 11 MB. An oversized
// announced body gets the French 413 without being read.
func limitBodies(app *fiber.App) {
	app.Server().HeaderReceived = func(h *fasthttp.RequestHeader) fasthttp.RequestConfig {
		if importRoute(h.Method(), h.RequestURI()) {
			return fasthttp.RequestConfig{MaxRequestBodySize: importBodyLimit, ReadTimeout: slowTransfer}
		}
		if exportRoute(h.Method(), h.RequestURI()) {
			return fasthttp.RequestConfig{MaxRequestBodySize: bodyLimit, WriteTimeout: slowTransfer}
		}
		if uploadRoute(h.Method(), h.RequestURI()) {
			return fasthttp.RequestConfig{MaxRequestBodySize: uploadBodyLimit}
		}
		return fasthttp.RequestConfig{MaxRequestBodySize: bodyLimit}
	}
}

// smallBodies is the same rule inside the app, for a body that reached it
// some other way (a test's app.Test, which skips the server's header hook).
func smallBodies(c *fiber.Ctx) error {
	method, uri, size := c.Request().Header.Method(), c.Request().URI().RequestURI(), len(c.Request().Body())
	switch {
	case importRoute(method, uri):
		if size > importBodyLimit {
			return fiber.ErrRequestEntityTooLarge
		}
	case uploadRoute(method, uri):
		if size > uploadBodyLimit {
			return fiber.ErrRequestEntityTooLarge
		}
	case size > bodyLimit:
		return fiber.ErrRequestEntityTooLarge
	}
	return c.Next()
}

// uploadRoute is a POST to the back office's documents (new entry, edit).
func uploadRoute(method, uri []byte) bool {
	return bytes.Equal(method, []byte(fiber.MethodPost)) && bytes.HasPrefix(uri, []byte(paths.BackOfficeDocuments+"/"))
}

// exportRoute is a GET of the declarations export's file (any query string).
func exportRoute(method, uri []byte) bool {
	path, _, _ := bytes.Cut(uri, []byte("?"))
	return bytes.Equal(method, []byte(fiber.MethodGet)) && bytes.Equal(path, []byte(components.BackOfficeExportFile))
}

// importRoute is a POST to the back office's Genesis import (exactly its
// path, with or without a query string).
func importRoute(method, uri []byte) bool {
	path, _, _ := bytes.Cut(uri, []byte("?"))
	return bytes.Equal(method, []byte(fiber.MethodPost)) && bytes.Equal(path, []byte(components.BackOfficeImport))
}
