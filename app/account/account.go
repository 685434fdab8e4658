// Package account serves "Mon compte": the childminder's personal information,
// the change of her password and of her email address (confirmed by a link
// sent to the new address; the old one is told of the change).
package account

import (
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/mail"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/app/throttle"
)

// Deps are the handlers' dependencies.
type Deps struct {
	Pool     *pgxpool.Pool
	Sessions *session.Manager
	Mail     *mail.Queue
	Log      *slog.Logger
	Now      func() time.Time
	BaseURL  string
	LinkTTL  time.Duration
}

// Handlers serves "Mon compte" and the email confirmation link.
type Handlers struct {
	Deps
	q        *db.Queries
	throttle *throttle.Throttle
}

// New returns the handlers.
func New(d Deps) *Handlers {
	return &Handlers{Deps: d, q: db.New(d.Pool), throttle: throttle.New(d.Pool, d.Now)}
}
