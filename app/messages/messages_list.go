package messages

import (
	"context"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/dbbatch"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
)

// List renders one view of the list (one query, session aside): the full
// page, or for htmx the region alone, the same markup. A malformed page is
// a 404; a page past the end (messages archived since the link was made)
// sends to the view's first page.
func (h *Handlers) List(c *fiber.Ctx) error {
	q, ok := ParseListQuery(func(name string) string { return c.Query(name) })
	if !ok {
		return fiber.ErrNotFound
	}
	u := session.CurrentUser(c)
	l, err := session.Load(c, h.pool, ListPageName, u.ID, h.ListReads)
	if err != nil {
		return err
	}
	if q.Page > 1 && len(l.Rows) == 0 {
		q.Page = 1
		return httpx.Redirect(c, q.URL())
	}
	p := ListProps(l, ownName(u), httpx.TakeNotice(c))
	// htmx names the element that asked (HX-Trigger, its id): when the new
	// list no longer shows it, the heading takes the focus it held.
	if trigger := c.Get("HX-Trigger"); httpx.IsHTMX(c) &&
		(strings.HasPrefix(trigger, components.MessagesBoxIDPrefix) || trigger == components.MessagesClearSearchID) {
		p.FocusHeading = true
	}
	if httpx.IsHTMX(c) {
		// The address bar shows the view's canonical URL (a search form
		// sends its empty and default fields too): the one its links use.
		c.Set("HX-Push-Url", q.URL())
	}
	return httpx.Render(c, httpx.View{Title: listTitle(q, l), Page: components.MessagesListPage(p), Fragment: components.MessagesRegionSwap(p)})
}

// ListPageName names the list's reads for session.Prefetch.
const ListPageName = "messages-list"

// ListReads queues the list's one query (the view the query string asks
// for): what the session middleware prefetches in its own batch
// (session.Prefetch). A malformed query string is a 404, decided here.
func (h *Handlers) ListReads(c *fiber.Ctx, b *pgx.Batch, userID int64) func() (List, error) {
	q, ok := ParseListQuery(func(name string) string { return c.Query(name) })
	if !ok {
		return session.Failed[List](fiber.ErrNotFound)
	}
	return dbbatch.Queue(b, func(ctx context.Context, dq *db.Queries) (List, error) {
		return loadList(ctx, dq, userID, q)
	})
}

// listTitle names the view in the browser's tab (and its history).
func listTitle(q ListQuery, l List) string {
	t := BoxTitle(q.Archived)
	if q.Search != "" {
		t += " – recherche « " + q.Search + " »"
	}
	if l.Pages() > 1 {
		t += " – " + summaryPage(q, l)
	}
	return t
}

func summaryPage(q ListQuery, l List) string {
	return "page " + strconv.Itoa(q.Page) + " sur " + strconv.Itoa(l.Pages())
}
