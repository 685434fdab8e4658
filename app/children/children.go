package children

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
)

// Handlers serves the children's routes. Every query takes the signed-in
// childminder's id: another's child is a 404.
type Handlers struct {
	pool *pgxpool.Pool
	q    *db.Queries
	now  func() time.Time
}

// New returns the handlers.
func New(pool *pgxpool.Pool, now func() time.Time) *Handlers {
	return &Handlers{pool: pool, q: db.New(pool), now: now}
}

func (h *Handlers) today() time.Time { return Today(h.now()) }

// ownChild loads the route's child of the signed-in childminder, or answers 404.
func (h *Handlers) ownChild(c *fiber.Ctx) (Child, error) {
	id, err := httpx.RouteID(c)
	if err != nil {
		return Child{}, err
	}
	ch, ok, err := loadChild(c.UserContext(), h.q, id, session.CurrentUser(c).ID)
	if err != nil {
		return Child{}, err
	}
	if !ok {
		return Child{}, fiber.ErrNotFound
	}
	return ch, nil
}

func renderHistoryLocked(c *fiber.Ctx, id int64) error {
	return httpx.Render(c, httpx.View{Title: "Fiche non modifiable", Page: components.HistoryLockedPage(id), Status: fiber.StatusConflict})
}
