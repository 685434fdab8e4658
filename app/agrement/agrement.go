// Package agrement serves "Mon agrément": the childminder's agréments as the
// département's business application (Genesis Agréments) sent them, read only.
package agrement

import (
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
)

// Handlers serves the page. Its only query takes the signed-in childminder's
// id: another's agrément is never read.
type Handlers struct {
	q   *db.Queries
	now func() time.Time
}

// New returns the handlers.
func New(pool *pgxpool.Pool, now func() time.Time) *Handlers {
	return &Handlers{q: db.New(pool), now: now}
}
