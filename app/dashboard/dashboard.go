// Package dashboard serves the "Tableau de bord", the childminder's home page:
// her identity, her latest messages, her current children, her agréments and
// the useful documents, each section linking to its page.
//
// The dashboard is the one feature that shows others' data: it asks
// app/agrement and app/documents for their sections through their
// QueueDashboard functions (the boundaries test allows exactly these), and
// reads the messages and children sections with queries of its own. All of
// them go in one pgx.Batch: one round trip besides the session's.
package dashboard

import (
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Handlers serves the dashboard.
type Handlers struct {
	pool *pgxpool.Pool
	now  func() time.Time
}

// New returns the handlers with their dependencies.
func New(pool *pgxpool.Pool, now func() time.Time) *Handlers {
	return &Handlers{pool: pool, now: now}
}
