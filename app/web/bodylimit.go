package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/components/paths"
)

// Fiber's BodyLimit is one for the whole server: it is set to what the
// largest form needs (uploadBodyLimit: a "Documents utiles" entry with its
// file of at most 10 MB), and smallBodies keeps every other request at the
// forms' size (bodyLimit), before any handler reads it.
const uploadBodyLimit = 11 << 20

// smallBodies answers 413 to a body larger than bodyLimit, except on the
// back office's document forms (their handlers refuse a file over 10 MB
// with a French message).
func smallBodies(c *fiber.Ctx) error {
	if len(c.Request().Body()) > bodyLimit && !uploadRoute(c) {
		return fiber.ErrRequestEntityTooLarge
	}
	return c.Next()
}

// uploadRoute is a POST to the back office's documents (new entry, edit).
func uploadRoute(c *fiber.Ctx) bool {
	return c.Method() == fiber.MethodPost && strings.HasPrefix(c.Path(), paths.BackOfficeDocuments+"/")
}
