// Package bodocuments is the back office's "Documents utiles" (issue 10 §5):
// the agents create, change, reorder and delete the entries the
// childminders' Documents utiles page shows (app/documents). An entry is a
// link (http or https) or an uploaded file (PDF, ODT, DOCX, XLSX, at most
// 10 MB, its type checked by its content). Each change is audited in its
// own transaction (app/audit).
package bodocuments

import (
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
)

// Handlers serves /back-office/documents-utiles.
type Handlers struct {
	pool *pgxpool.Pool
	q    *db.Queries
}

// New returns the handlers.
func New(pool *pgxpool.Pool) *Handlers { return &Handlers{pool: pool, q: db.New(pool)} }
