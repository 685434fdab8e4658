// Package dashboard serves the "Tableau de bord", the childminder's home page.
package dashboard

import "github.com/jackc/pgx/v5/pgxpool"

// Handlers serves the dashboard.
type Handlers struct {
	pool *pgxpool.Pool
}

// New returns the handlers with their dependencies.
func New(pool *pgxpool.Pool) *Handlers { return &Handlers{pool: pool} }
