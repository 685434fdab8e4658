package messages

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// rowDone answers an archive or a restore. htmx from a row's form in the
// list (its target is the row) gets nothing for the row, which goes, and a sentence for the page's status
// region; without JavaScript, or from the message's page, the visitor goes
// back to the list view the form came from (its "retour" field), with a
// notice.
func rowDone(c *fiber.Ctx, id int64, notice, said string, box string) error {
	if httpx.IsHTMX(c) && c.Get("HX-Target") == components.MessageRowID(id) {
		return httpx.Render(c, httpx.View{Page: components.MessageRowRemoved(said, box)})
	}
	// Any other request, htmx included (HX-Redirect), changes page.
	back := ParseReturn(c.FormValue(components.MessagesReturnName))
	httpx.SetNotice(c, notice)
	return httpx.Redirect(c, back.URL())
}
