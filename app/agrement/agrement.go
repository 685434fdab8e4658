// Package agrement serves "Mon agrément": the childminder's agréments as the
// département's business application (Genesis Agréments) sent them, read only.
package agrement

import (
	"time"
	_ "time/tzdata" // the Paris zone must not depend on the host

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

// Today is the date in Paris, at midnight UTC like the dates of the database:
// an agrément ends on a French calendar day.
func Today(now time.Time) time.Time {
	y, m, d := now.In(paris).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err) // time/tzdata is embedded: this cannot happen
	}
	return loc
}()
