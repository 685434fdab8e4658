package web

import (
	"bytes"
	"compress/gzip"
	"mime"
	"path"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/static"
)

// staticFile is an embedded file ready to send: its type, its content hash
// and, for text, its gzip and brotli encodings, compressed once (at their
// best levels) rather than on every request by the compress middleware.
type staticFile struct {
	contentType, hash string
	encodings         map[string][]byte // "" (identity), "gzip", "br"
}

// staticFiles are every embedded file, read and compressed on first use.
var staticFiles = sync.OnceValue(func() map[string]*staticFile {
	files := map[string]*staticFile{}
	for _, name := range static.Names() {
		body, err := static.FS.ReadFile(name)
		if err != nil {
			continue
		}
		f := &staticFile{contentType: mime.TypeByExtension(path.Ext(name)), hash: static.Hash(name),
			encodings: map[string][]byte{"": body}}
		if compressible(f.contentType) {
			if gz := gzipped(body); len(gz) < len(body) {
				f.encodings["gzip"] = gz
			}
			if br := brotlied(body); len(br) < len(body) {
				f.encodings["br"] = br
			}
		}
		files[name] = f
	}
	return files
})

func compressible(contentType string) bool {
	return strings.HasPrefix(contentType, "text/") || strings.Contains(contentType, "javascript") ||
		strings.Contains(contentType, "svg")
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
	if _, err := w.Write(b); err != nil || w.Close() != nil {
		return b
	}
	return buf.Bytes()
}

func brotlied(b []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	if _, err := w.Write(b); err != nil || w.Close() != nil {
		return b
	}
	return buf.Bytes()
}

// serveStatic answers the embedded files, in the best encoding the browser
// accepts. A URL versioned with the file's content hash is cached for a
// year; any other revalidates with its ETag (one per encoding).
func serveStatic(c *fiber.Ctx) error {
	f := staticFiles()[strings.TrimPrefix(c.Path(), static.Prefix)]
	if f == nil {
		return fiber.ErrNotFound
	}
	encoding := ""
	for _, e := range []string{"br", "gzip"} {
		if _, ok := f.encodings[e]; ok && acceptsEncoding(c.Get(fiber.HeaderAcceptEncoding), e) {
			encoding = e
			break
		}
	}
	etag := `"` + f.hash + `"`
	if encoding != "" {
		etag = `"` + f.hash + "-" + encoding + `"`
		c.Set(fiber.HeaderContentEncoding, encoding)
	}
	c.Set(fiber.HeaderVary, fiber.HeaderAcceptEncoding)
	c.Set(fiber.HeaderETag, etag)
	if c.Query("v") == f.hash {
		c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
	} else {
		c.Set(fiber.HeaderCacheControl, "no-cache")
	}
	if match := c.Get(fiber.HeaderIfNoneMatch); match == etag || match == "W/"+etag {
		c.Response().Header.Del(fiber.HeaderContentEncoding)
		return c.SendStatus(fiber.StatusNotModified)
	}
	if f.contentType != "" {
		c.Set(fiber.HeaderContentType, f.contentType)
	}
	return c.Send(f.encodings[encoding])
}

// acceptsEncoding is true when the Accept-Encoding header lists the
// encoding without refusing it (q=0).
func acceptsEncoding(header, encoding string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), encoding) {
			return !strings.Contains(strings.ReplaceAll(params, " ", ""), "q=0") ||
				strings.Contains(params, "q=0.")
		}
	}
	return false
}
