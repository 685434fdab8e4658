package children

import (
	"context"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/dbbatch"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
)

// List renders "Liste des enfants accueillis" and one page of "Historique"
// (one query, read with the session: ListReads). A page of the history that
// does not exist is a 404.
func (h *Handlers) List(c *fiber.Ctx) error {
	l, err := session.Load(c, h.pool, ListPageName, session.CurrentUser(c).ID, h.ListReads)
	if err != nil {
		return err
	}
	page := l.HistoryPage
	if page > 1 && page > l.HistoryPages {
		return fiber.ErrNotFound
	}
	title := "Enfants accueillis"
	if page > 1 {
		title += " – historique, page " + strconv.Itoa(page)
	}
	return httpx.Render(c, httpx.View{Title: title, Page: components.ChildrenListPage(listProps(l, httpx.TakeNotice(c)))})
}

// ListPageName names the list's reads for session.Prefetch.
const ListPageName = "children-list"

// ListReads queues the list page's one query: what the session middleware
// prefetches in its own batch (session.Prefetch). A malformed page of the
// history is a 404, decided here.
func (h *Handlers) ListReads(c *fiber.Ctx, b *pgx.Batch, userID int64) func() (List, error) {
	page, ok := httpx.Page(c.Query(components.HistoryPageName))
	if !ok {
		return session.Failed[List](fiber.ErrNotFound)
	}
	today := h.today()
	return dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) (List, error) {
		return loadList(ctx, q, userID, today, page)
	})
}
