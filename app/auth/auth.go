// Package auth signs childminders in and out.
package auth

import (
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/session"
)

// Handlers serves the login and logout routes.
type Handlers struct {
	q        *db.Queries
	sessions *session.Manager
	log      *slog.Logger
}

// New returns the handlers with their dependencies.
func New(pool *pgxpool.Pool, sessions *session.Manager, log *slog.Logger) *Handlers {
	return &Handlers{q: db.New(pool), sessions: sessions, log: log}
}

// Flash keys this package leaves for the login page.
const (
	FlashLoggedOut = "deconnexion"
)

// notices are the French texts of the flash keys the login page shows.
var notices = map[string]string{
	FlashLoggedOut: "Vous êtes déconnecté(e).",
}
