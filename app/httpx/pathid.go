package httpx

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// RouteID reads the route's :id: anything but a positive number is a 404.
func RouteID(c *fiber.Ctx) (int64, error) { return positiveID(c.Params("id")) }

// PathID reads the id that ends the request's path ("/messages/12" → 12):
// a page's reads prefetched by the session middleware run before the route
// is matched, when c.Params is still empty, and the handler must read the
// same id the same way. Anything but a positive number is a 404.
func PathID(c *fiber.Ctx) (int64, error) {
	p := strings.TrimSuffix(c.Path(), "/")
	return positiveID(p[strings.LastIndexByte(p, '/')+1:])
}

func positiveID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, fiber.ErrNotFound
	}
	return id, nil
}
