package backoffice

import (
	"bytes"
	"html"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// Render answers a back-office view as httpx.Render answers a childminder's
// (the fragment to htmx, otherwise the full page; no-store, Vary), but in the
// back office's layout and with its titles. It is httpx.Render's twin rather
// than a caller of it: httpx.Render always wraps pages in the childminders'
// layout.
func Render(c *fiber.Ctx, v httpx.View) error {
	var agent *components.BackOfficeAgent
	if a := CurrentAgent(c); a != nil {
		agent = &components.BackOfficeAgent{MenuLabel: MenuLabel(a)}
	}
	comp := components.BackOfficeLayout(v.Title, agent, v.Page)
	htmx := httpx.IsHTMX(c)
	if htmx {
		comp = v.Page
		if v.Fragment != nil {
			comp = v.Fragment
		}
	}
	status := v.Status
	if status == 0 {
		status = fiber.StatusOK
	}
	var buf bytes.Buffer
	if htmx && v.Fragment != nil && v.Title != "" && status < fiber.StatusInternalServerError {
		// htmx sets document.title from a top-level <title> (see httpx.Render).
		buf.WriteString("<title>" + html.EscapeString(components.BackOfficeFullTitle(v.Title)) + "</title>")
	}
	if err := comp.Render(components.WithRequest(c.UserContext(), httpx.Request(c)), &buf); err != nil {
		return err
	}
	c.Vary("HX-Request")
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Status(status)
	c.Type("html", "utf-8")
	return c.Send(buf.Bytes())
}
