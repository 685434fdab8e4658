package web

import (
	"bytes"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"
	"github.com/klauspost/compress/gzip"
	"github.com/valyala/fasthttp"

	"github.com/departement06/extranet-assmat/static"
)

// minCompressed is the smallest body worth compressing. Below 4 KB a page
// fits in the first packets a connection sends (a TCP initial window is
// about 14 KB), so compressing it saves no round trip, and under load it
// cost a third of the login page's server time for 2 KB saved.
const minCompressed = 4 << 10

// compressPages gzips the pages and fragments at gzip's fastest level, with
// writers reused across requests. It replaces fiber's compress middleware,
// whose default picks brotli at level 4: profiled under load (issue 12) that
// cost as much CPU as everything else the app does for a page (213 µs for the
// 27 KB messages list, against 24 µs here, for a body 20 % larger: 4.3 KB
// instead of 3.5 KB). Static files come compressed already (serveStatic);
// a streamed body (the declarations export) is sent as it is, never held
// in memory whole to be compressed.
func compressPages(c *fiber.Ctx) error {
	if err := c.Next(); err != nil {
		return err
	}
	res := c.Response()
	if strings.HasPrefix(c.Path(), static.Prefix) || res.IsBodyStream() || c.Method() == fiber.MethodHead {
		return nil
	}
	addVary(&res.Header, fiber.HeaderAcceptEncoding)
	body := res.Body()
	if len(body) < minCompressed || len(res.Header.Peek(fiber.HeaderContentEncoding)) > 0 ||
		!compressible(string(res.Header.ContentType())) || !acceptsEncoding(c.Get(fiber.HeaderAcceptEncoding), "gzip") {
		// A downloaded document (PDF, ODT, DOCX, XLSX: compressed already,
		// up to 10 MB) goes as stored: gzipping one cost 24-28 ms and 43 MB
		// of allocations a download, for a body no smaller (an outside
		// review). compressible is the static files' rule (static.go).
		return nil
	}
	w := gzipWriters.Get().(*gzipWriter)
	defer gzipWriters.Put(w)
	w.buf.Reset()
	w.zw.Reset(&w.buf)
	if _, err := w.zw.Write(body); err != nil {
		return nil // sent as it is
	}
	if err := w.zw.Close(); err != nil {
		return nil
	}
	res.SetBody(w.buf.Bytes()) // copied into the response's own buffer
	res.Header.Set(fiber.HeaderContentEncoding, "gzip")
	return nil
}

// addVary adds a name to the Vary header, kept as one line (pages already
// vary on HX-Request).
func addVary(h *fasthttp.ResponseHeader, name string) {
	v := string(h.Peek(fiber.HeaderVary))
	switch {
	case v == "":
		h.Set(fiber.HeaderVary, name)
	case !strings.Contains(strings.ToLower(v), strings.ToLower(name)):
		h.Set(fiber.HeaderVary, v+", "+name)
	}
}

type gzipWriter struct {
	buf bytes.Buffer
	zw  *gzip.Writer
}

var gzipWriters = sync.Pool{New: func() any {
	w := &gzipWriter{}
	w.zw, _ = gzip.NewWriterLevel(&w.buf, gzip.BestSpeed) // a valid level: no error
	return w
}}
