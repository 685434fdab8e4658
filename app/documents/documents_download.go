package documents

import (
	"errors"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/httpx"
)

// Download sends a document's stored file as an attachment, with its type and
// its name. An unknown id, or a document that is a link, is a 404.
func (h *Handlers) Download(c *fiber.Ctx) error {
	id, err := httpx.RouteID(c)
	if err != nil {
		return err
	}
	f, err := h.q.GetDocumentFile(c.UserContext(), id)
	if errors.Is(err, pgx.ErrNoRows) {
		return fiber.ErrNotFound
	}
	if err != nil {
		return err
	}
	// The type stored is served only if it is one of the formats the list
	// announces: anything else downloads as bytes, never as a page the
	// browser would run.
	c.Set(fiber.HeaderContentType, ServedType(f.FileType))
	c.Set(fiber.HeaderContentDisposition, ContentDisposition(f.FileName))
	c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	// Behind a sign-in: no shared cache keeps it.
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	// fasthttp sets Content-Length from the body.
	return c.Send(f.FileContent)
}
