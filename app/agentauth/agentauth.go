// Package agentauth signs the département's agents in and out of the back
// office, changes an agent's password (Mon compte), opens the one-time link
// that sets a new agent's password, and creates agents from the command line
// (go run ./app agent create). Same policy, hashing and throttling as the
// childminders' sign-in (app/auth), with counters of their own.
package agentauth

import (
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/app/throttle"
)

// Deps are the handlers' dependencies.
type Deps struct {
	Pool *pgxpool.Pool
	// Sessions is the agents' manager (backoffice.NewSessions).
	Sessions *session.Manager
	Log      *slog.Logger
	Now      func() time.Time
}

// Handlers serves the back office's sign-in, sign-out, home, Mon compte and
// password-link routes.
type Handlers struct {
	Deps
	q        *db.Queries
	throttle *throttle.Throttle
}

// New returns the handlers.
func New(d Deps) *Handlers {
	return &Handlers{Deps: d, q: db.New(d.Pool), throttle: throttle.New(d.Pool, d.Now)}
}
