// Package bomessages is the back office's Messages (issue 10 §4): an agent
// writes a general message (to every childminder) or a personal one (to a
// childminder found by a search), previews it as the childminder will see
// it, sends it, and lists the sent messages with how many have read each.
//
// Sending goes through app/messages' CreatePersonal / CreateGeneral (the
// personal message's notification email is theirs), in one transaction with
// the audit line (app/audit).
package bomessages

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/messages"
)

// Deps are the handlers' dependencies.
type Deps struct {
	Pool *pgxpool.Pool
	// Notify sends a personal message's email (the app's mail queue and BASE_URL).
	Notify messages.Notify
	Now    func() time.Time
}

// Handlers serves /back-office/messages.
type Handlers struct {
	Deps
	q *db.Queries
}

// New returns the handlers.
func New(d Deps) *Handlers { return &Handlers{Deps: d, q: db.New(d.Pool)} }

// PageSize is the number of sent messages a page of the list shows.
const PageSize = 20

// pageOf reads ?page=; anything but a number from 1 to httpx.MaxPage is a 404.
func pageOf(c *fiber.Ctx) (int, error) {
	page, ok := httpx.Page(c.Query("page"))
	if !ok {
		return 0, fiber.ErrNotFound
	}
	return page, nil
}
