package children

import (
	"context"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/dbbatch"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
)

// View shows everything about a child, read only (one query, read with
// the session: ViewReads).
func (h *Handlers) View(c *fiber.Ctx) error {
	ch, err := session.Load(c, h.pool, ViewPageName, session.CurrentUser(c).ID, h.ViewReads)
	if err != nil {
		return err
	}
	v := childView(ch, h.today())
	return httpx.Render(c, httpx.View{Title: ch.FirstName + " " + ch.LastName, Page: components.ChildViewPage(v)})
}

// ViewPageName names a child's reads for session.Prefetch.
const ViewPageName = "child"

// ViewReads queues the read of the child the path names: what the session
// middleware prefetches (session.Prefetch). Another childminder's child, or
// none, is a 404.
func (h *Handlers) ViewReads(c *fiber.Ctx, b *pgx.Batch, userID int64) func() (Child, error) {
	id, err := httpx.PathID(c)
	if err != nil {
		return session.Failed[Child](err)
	}
	child := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) (found, error) {
		ch, ok, err := loadChild(ctx, q, id, userID)
		return found{ch, ok}, err
	})
	return func() (Child, error) {
		f, err := child()
		if err == nil && !f.ok {
			err = fiber.ErrNotFound
		}
		return f.Child, err
	}
}

// found is a child read, and whether she is one of the childminder's.
type found struct {
	Child
	ok bool
}
