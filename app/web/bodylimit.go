package web

import (
	"bytes"
	"context"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/departement06/extranet-assmat/app/session"

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
// a byte of the body is read: a signed-in agent may send uploadBodyLimit to
// the back office's document forms and importBodyLimit to the Genesis
// import, every other request bodyLimit. Fiber has one BodyLimit for the
// whole server; raising it for the uploads would otherwise let any
// anonymous request make the server read and hold 11 MB. An oversized
// announced body gets the French 413 without being read.
//
// The route alone is not enough: fasthttp reserves the announced length at
// once, so 20 anonymous connections announcing 51 MB to the import, then
// sending nothing, held 1.3 GB for up to 10 minutes (an outside review). The
// agent's session is checked first, its cookie's presence then its one
// statement, as the session middleware would judge it.
func limitBodies(app *fiber.App, agents *session.Manager) {
	agent := func(h *fasthttp.RequestHeader) bool {
		raw := h.Cookie(agents.WireName())
		if len(raw) == 0 {
			return false
		}
		ctx, cancel := context.WithTimeout(context.Background(), agentCheckTimeout)
		defer cancel()
		return agents.Open(ctx, string(raw))
	}
	app.Server().HeaderReceived = func(h *fasthttp.RequestHeader) fasthttp.RequestConfig {
		switch method, uri := h.Method(), h.RequestURI(); {
		case importRoute(method, uri) && agent(h):
			return fasthttp.RequestConfig{MaxRequestBodySize: importBodyLimit, ReadTimeout: slowTransfer}
		case exportRoute(method, uri):
			return fasthttp.RequestConfig{MaxRequestBodySize: bodyLimit, WriteTimeout: slowTransfer}
		case uploadRoute(method, uri) && agent(h):
			return fasthttp.RequestConfig{MaxRequestBodySize: uploadBodyLimit}
		}
		return fasthttp.RequestConfig{MaxRequestBodySize: bodyLimit}
	}
}

// maxFormFields bounds the fields of a posted form (see smallBodies).
const maxFormFields = 2000

// agentCheckTimeout bounds the session's statement run from the headers.
const agentCheckTimeout = 2 * time.Second

// smallBodies is the same limits inside the app, for a body that reached it
// some other way (a test's app.Test, which skips the server's header hook);
// the routes themselves ask for the agent's session. It also refuses a form
// of more than maxFormFields fields before anything parses it: a 1 MB body
// of "a&a&…" cost 23 ms and 37 MB of allocations to split into 500,000
// fields, anonymously, before the form's token was even looked at (an
// outside review); the largest form, a child with 30 periods, has about 200.
func smallBodies(c *fiber.Ctx) error {
	method, uri, size := c.Request().Header.Method(), c.Request().URI().RequestURI(), len(c.Request().Body())
	if bytes.HasPrefix(c.Request().Header.ContentType(), []byte(fiber.MIMEApplicationForm)) &&
		bytes.Count(c.Request().Body(), []byte("&")) >= maxFormFields {
		return fiber.ErrRequestEntityTooLarge
	}
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
