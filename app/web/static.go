package web

import (
	"mime"
	"path"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/static"
)

// serveStatic answers the embedded files. A URL versioned with the file's
// content hash is cached for a year; any other revalidates with its ETag.
func serveStatic(c *fiber.Ctx) error {
	name := strings.TrimPrefix(c.Path(), static.Prefix)
	hash := static.Hash(name)
	if hash == "" {
		return fiber.ErrNotFound
	}
	body, err := static.FS.ReadFile(name)
	if err != nil {
		return fiber.ErrNotFound
	}
	etag := `"` + hash + `"`
	c.Set(fiber.HeaderETag, etag)
	if c.Query("v") == hash {
		c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
	} else {
		c.Set(fiber.HeaderCacheControl, "no-cache")
	}
	if match := c.Get(fiber.HeaderIfNoneMatch); match == etag || match == "W/"+etag {
		return c.SendStatus(fiber.StatusNotModified)
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		c.Set(fiber.HeaderContentType, ct)
	}
	return c.Send(body)
}
