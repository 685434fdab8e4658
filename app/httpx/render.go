package httpx

import (
	"html"
	"io"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/components"
)

// View is what a handler answers: a page and, for htmx, the fragment that
// replaces part of it.
type View struct {
	// Title names the page in the browser tab (<title>), before the site's name.
	Title string
	// Page is the main content of the full page; the layout wraps it.
	Page templ.Component
	// Fragment is sent instead of the page to an htmx request; nil sends Page without the layout.
	Fragment templ.Component
	// Status defaults to 200; 422 for a form with errors.
	Status int
}

// Render answers the view: its fragment to an htmx request, otherwise the full
// page. Handlers never look at HX-Request themselves.
func Render(c *fiber.Ctx, v View) error {
	return RenderIn(c, v, Shell{Layout: components.Layout, FullTitle: components.FullTitle})
}

// Shell is what wraps a full page: the childminders' layout (Render) or the
// back office's (backoffice.Render), and the <title> each gives a page.
type Shell struct {
	Layout    func(title string, page templ.Component) templ.Component
	FullTitle func(title string) string
}

// RenderIn is Render in the given shell.
func RenderIn(c *fiber.Ctx, v View, shell Shell) error {
	comp := shell.Layout(v.Title, v.Page)
	if IsHTMX(c) {
		comp = v.Page
		if v.Fragment != nil {
			comp = v.Fragment
		}
	}
	status := v.Status
	if status == 0 {
		status = fiber.StatusOK
	}
	// Rendered straight into the response's body, a buffer fasthttp reuses
	// from request to request (a page-sized buffer of our own grew and was
	// dropped on every page); a failed render empties it again, so that the
	// error handler still answers a clean error page.
	res := c.Response()
	res.ResetBody()
	w := res.BodyWriter()
	if IsHTMX(c) && v.Fragment != nil && v.Title != "" && status < fiber.StatusInternalServerError {
		// htmx sets document.title from a <title> at the top level of the
		// response: a form answered in place says "Erreur – …" in the tab as
		// the full page does (and loses it once corrected). Not for a 5xx,
		// which lands in the alert region of whatever page is open.
		if _, err := io.WriteString(w, "<title>"+html.EscapeString(shell.FullTitle(v.Title))+"</title>"); err != nil {
			return err
		}
	}
	if err := comp.Render(components.WithRequest(c.UserContext(), Request(c)), w); err != nil {
		res.ResetBody()
		return err
	}
	htmlHeaders(c, status)
	return nil
}

// htmlHeaders are the status and headers of every rendered page or fragment:
// Render's and Frozen's answers differ by nothing else.
func htmlHeaders(c *fiber.Ctx, status int) {
	// The same URL answers a fragment or a page: caches must tell them apart.
	c.Vary("HX-Request")
	// Pages hold personal data: never keep them in a shared or back-button cache.
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Status(status)
	c.Type("html", "utf-8")
}

// Title prefixes a page title with "Erreur" when its form has errors, so that
// a screen reader says so first.
func Title(title string, errs components.Errors) string {
	if len(errs) > 0 {
		return "Erreur – " + title
	}
	return title
}
