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
// email links straight here), so this GET records it, the first time only:
// a state write of the visitor's own data, idempotent (the first reading's
// time is kept), made by the very statement that loads the message
// (OpenMessage): the session takes two round trips, the message the third,
// so a separate mark would be a fourth. The page of a message already read
// writes nothing (its INSERT has no row to insert: TestMessagePageMarksItRead
// checks the state row is untouched), though a counter of statements that
// may write counts it. Marking it read with a POST from the page instead
// would leave a message opened without JavaScript, or from the email, unread.
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
