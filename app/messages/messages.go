// Package messages is the childminder's mailbox (SPEC §7, seed §2.3): the
// département's general messages and her personal ones, received or
// archived, sorted, searched and paginated through the query string; one
// message's page; archive and restore; and CreatePersonal, which the back
// office calls to write to one childminder and notify her by email.
package messages

import (
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/session"
)

// Handlers serves the messages' routes. Every query takes the signed-in
// childminder's id: another's personal message is a 404.
type Handlers struct {
	pool *pgxpool.Pool
	q    *db.Queries
	now  func() time.Time
}

// New returns the handlers.
func New(pool *pgxpool.Pool, now func() time.Time) *Handlers {
	return &Handlers{pool: pool, q: db.New(pool), now: now}
}

// ownName is the signed-in childminder's name, the recipient of her personal messages.
func ownName(u *session.User) string { return u.Prenom + " " + u.Nom }
