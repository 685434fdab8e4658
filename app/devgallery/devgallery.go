// Package devgallery serves the designers' gallery (components/gallery): every
// component in every named state, with sample props and no database. Like the
// development mailbox, its routes are registered only outside production.
package devgallery

import (
	"bytes"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components/gallery"
)

// Index lists the states, grouped.
func Index(c *fiber.Ctx) error {
	return render(c, gallery.Index(), gallery.State{Visitor: gallery.SignedIn})
}

// Show renders one state in the layout; to htmx, a dialog state answers its
// dialog alone, as the app does.
func Show(c *fiber.Ctx) error {
	s, ok := gallery.Find(c.Params("component"), c.Params("state"))
	if !ok {
		return fiber.ErrNotFound
	}
	if s.HTMX != nil && httpx.IsHTMX(c) {
		return render(c, s.HTMX, s)
	}
	return render(c, gallery.Page(s), s)
}

// render answers a component with the state's visitor in the context (the
// menu shows the sample childminder) and this request's CSRF token.
func render(c *fiber.Ctx, comp templ.Component, s gallery.State) error {
	var buf bytes.Buffer
	if err := comp.Render(gallery.Context(c.UserContext(), s, httpx.Request(c).CSRFToken), &buf); err != nil {
		return err
	}
	c.Vary("HX-Request")
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Type("html", "utf-8")
	return c.Send(buf.Bytes())
}
