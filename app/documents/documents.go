// Package documents serves "Documents utiles": links to other sites and files
// the département provides, and the download of those files.
package documents

import (
	"strconv"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/components/paths"
)

// Handlers serves the list and the downloads.
type Handlers struct {
	q *db.Queries
}

// New returns the handlers.
func New(pool *pgxpool.Pool) *Handlers { return &Handlers{q: db.New(pool)} }

// FileRoute is the download route of a stored file, as the router registers it.
const FileRoute = paths.Documents + "/:id/fichier"

// FileURL is where a document's stored file downloads.
func FileURL(id int64) string {
	return paths.Documents + "/" + strconv.FormatInt(id, 10) + "/fichier"
}
