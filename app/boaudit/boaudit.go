// Package boaudit is the back office's audit log page (issue 10 §6): the
// agents' actions, newest first, filtered by agent, action and dates,
// paginated; a filtered view is a URL (a GET form), so it can be bookmarked.
// app/audit writes the lines, in each action's own transaction.
package boaudit

import (
	"github.com/jackc/pgx/v5/pgxpool"
)

// Handlers serves /back-office/journal.
type Handlers struct{ pool *pgxpool.Pool }

// New returns the handlers.
func New(pool *pgxpool.Pool) *Handlers { return &Handlers{pool: pool} }

// PageSize is the number of lines a page shows.
const PageSize = 50
