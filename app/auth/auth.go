// Package auth signs childminders in and out, and runs the first-connection
// flows: the forced change of a temporary password, and the emailed link that
// sets a password (identifier-only account or forgotten password).
package auth

import (
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/mail"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/app/throttle"
	"github.com/departement06/extranet-assmat/components/paths"
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
	// DeviceKey signs the trusted-device cookies (see device.go).
	DeviceKey []byte
	// SecureCookies: the app is served over HTTPS.
	SecureCookies bool
}

// Handlers serves the login, logout and first-connection routes.
type Handlers struct {
	Deps
	q          *db.Queries
	throttle   *throttle.Throttle
	blankLogin *httpx.Frozen
}

// New returns the handlers.
func New(d Deps) *Handlers {
	q := db.New(d.Pool)
	return &Handlers{Deps: d, q: q, throttle: throttle.New(d.Pool, d.Now),
		blankLogin: httpx.NewFrozen(paths.Login, blankLoginPage)}
}
