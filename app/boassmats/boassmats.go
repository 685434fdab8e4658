// Package boassmats is the back office's childminders (issue 10, items 2 and
// 3): the search by name, identifier or commune, a childminder's page
// (identity, agréments, declared children, messages, her account's state),
// and her account's actions — give or renew her access with a temporary
// password (the printable letter), make her account identifier-only, unlock
// it. Every action, and every viewing of her page, is in the audit log, in
// the transaction of what it records.
//
// A back-office feature: it imports app/backoffice and app/audit, never
// another feature.
package boassmats

import (
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/throttle"
)

// Deps are the handlers' dependencies.
type Deps struct {
	Pool *pgxpool.Pool
	Log  *slog.Logger
	Now  func() time.Time
	// BaseURL is the extranet's public address, printed on the letter.
	BaseURL string
}

// Handlers serves the childminders' pages of the back office.
type Handlers struct {
	Deps
	q        *db.Queries
	throttle *throttle.Throttle
}

// New returns the handlers.
func New(d Deps) *Handlers {
	return &Handlers{Deps: d, q: db.New(d.Pool), throttle: throttle.New(d.Pool, d.Now)}
}

// Keys of this feature's notices (httpx.SetNotice), shown on her page after an action.
const (
	NoticeIdentifierOnly = "bo-assmat-identifiant-seul"
	NoticeUnlocked       = "bo-assmat-debloque"
)

// Notices are the French texts of this feature's notices.
func Notices() map[string]string {
	return map[string]string{
		NoticeIdentifierOnly: "Le compte est passé en identifiant seul : ses sessions sont fermées ; elle définira son mot de passe par « Première connexion ou mot de passe oublié ? ».",
		NoticeUnlocked:       "Le compte est débloqué : elle peut se connecter dès maintenant.",
	}
}
