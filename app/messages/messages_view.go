package messages

import (
	"context"
	"errors"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/dbbatch"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
)

// View shows one message and marks it read.
//
// Opening a message is what reads it (seed §2.3, "Voir"; the notification
// email links straight here), so this GET records it, the first time only:
// a state write of the visitor's own data, idempotent (the first reading's
// time is kept). The message is read with the session (ViewReads, one round
// trip); only when it was unread does a second statement mark it. Marking
// it read with a POST from the page instead would leave a message opened
// without JavaScript, or from the email, unread.
//
// The query string is the list view the visitor came from: the page leads
// back to it, and its archive form returns there.
func (h *Handlers) View(c *fiber.Ctx) error {
	back, ok := ParseListQuery(func(name string) string { return c.Query(name) })
	if !ok {
		back.Page = 1
	}
	u := session.CurrentUser(c)
	m, err := session.Load(c, h.pool, ViewPageName, u.ID, h.ViewReads)
	if errors.Is(err, pgx.ErrNoRows) {
		return fiber.ErrNotFound
	}
	if err != nil {
		return err
	}
	if !m.WasRead {
		if err := h.q.MarkMessageRead(c.UserContext(), db.MarkMessageReadParams{AssmatID: u.ID, ID: m.ID, Now: h.now()}); err != nil {
			return err
		}
	}
	return httpx.Render(c, httpx.View{Title: "Message : " + m.Subject, Page: components.MessagePage(MessageView(m.Message, ownName(u), back))})
}

// ViewPageName names a message's reads for session.Prefetch.
const ViewPageName = "message"

// ViewReads queues the read of the message the path names: what the session
// middleware prefetches (session.Prefetch). It only reads.
func (h *Handlers) ViewReads(c *fiber.Ctx, b *pgx.Batch, userID int64) func() (Opened, error) {
	id, err := httpx.PathID(c)
	if err != nil {
		return session.Failed[Opened](err)
	}
	return dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) (Opened, error) { return getMessage(ctx, q, userID, id) })
}
