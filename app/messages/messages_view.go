package messages

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
)

// View shows one message and marks it read.
//
// Opening a message is what reads it (seed §2.3, "Voir"; the notification
// email links straight here), so the read mark is written by the very
// statement that loads the message (OpenMessage), once: a message already
// read writes nothing, however often its page is shown. That keeps the cost
// rule's intent ("reading a page never writes" is about the session's
// expiry and hidden per-request writes): one round trip, no session write,
// an idempotent state change of the visitor's own data. A POST from the
// page instead would leave a message opened without JavaScript, or from
// the email, unread.
//
// The query string is the list view the visitor came from: the page leads
// back to it, and its archive form returns there.
func (h *Handlers) View(c *fiber.Ctx) error {
	id, err := messageID(c)
	if err != nil {
		return err
	}
	back, ok := ParseListQuery(func(name string) string { return c.Query(name) })
	if !ok {
		back.Page = 1
	}
	u := session.CurrentUser(c)
	m, found, err := openMessage(c.UserContext(), h.q, u.ID, id, h.now)
	if err != nil {
		return err
	}
	if !found {
		return fiber.ErrNotFound
	}
	return httpx.Render(c, httpx.View{Title: "Message : " + m.Subject, Page: components.MessagePage(MessageView(m, ownName(u), back))})
}
