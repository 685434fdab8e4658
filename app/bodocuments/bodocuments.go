// Package bodocuments is the back office's "Documents utiles" (issue 10 §5):
// the agents create, change, reorder and delete the entries the
// childminders' Documents utiles page shows (app/documents). An entry is a
// link (http or https) or an uploaded file (PDF, ODT, DOCX, XLSX, at most
// 10 MB, its type checked by its content). Each change is audited in its
// own transaction (app/audit).
package bodocuments

import (
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
)

// Handlers serves /back-office/documents-utiles.
type Handlers struct {
	pool *pgxpool.Pool
	q    *db.Queries
}

// New returns the handlers.
func New(pool *pgxpool.Pool) *Handlers { return &Handlers{pool: pool, q: db.New(pool)} }

// documentID reads the :id of the route; anything but a positive number is a 404.
func documentID(c *fiber.Ctx) (int64, error) {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fiber.ErrNotFound
	}
	return id, nil
}
