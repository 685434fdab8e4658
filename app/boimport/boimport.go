// Package boimport is the back office's upload page of the Genesis import
// (issue 11 §2): an agent sends the département's export (a CSV file of at
// most 50 MB), checks it without importing ("Vérifier sans importer") or
// imports it, and reads the report: the counts, the childminders and
// agréments absent from the export, every problem with its line and column.
// The import itself, all or nothing, its audit line included, is
// app/genesis's; this package reads the upload and shows the report.
package boimport

import (
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// Path is the page: GET shows the form, POST imports or checks.
const Path = components.BackOfficeImport

// MaxFileSize is the largest file accepted: a national export (230,000
// childminders) is about 45 MB. The server lets this route's body reach
// 51 MB (app/web/bodylimit.go); a larger body is refused before it is read.
const MaxFileSize = 50 << 20

// Deps are what the handlers need.
type Deps struct {
	Pool *pgxpool.Pool
	Log  *slog.Logger
}

// Handlers serves the page.
type Handlers struct{ d Deps }

// New returns the handlers.
func New(d Deps) *Handlers {
	if d.Log == nil {
		d.Log = slog.Default()
	}
	return &Handlers{d: d}
}

// fields: the file, defined once.
var fields = struct{ File form.Spec }{
	File: form.Spec{Name: "fichier", ID: "import-fichier", Label: "Fichier de l'export Genesis", Type: "file", Required: true,
		Missing: msgMissingFile,
		Hint:    "Le fichier CSV exporté de Genesis Agréments (séparateur point-virgule), 50 Mo au maximum."},
}

// The refusals of the upload itself, before any row is read.
const (
	msgMissingFile = "Veuillez choisir le fichier à importer."
	MsgTooLarge    = "Le fichier dépasse 50 Mo : il ne peut pas être importé."
	MsgNotCSV      = "Ce fichier n'est pas un export CSV : choisissez le fichier .csv exporté de Genesis Agréments."
	MsgNotUTF8     = "Ce fichier CSV n'est pas encodé en UTF-8 : exportez-le de nouveau de Genesis en UTF-8 (les accents seraient abîmés)."
)

// MaxListed is how many absent identifiers or agréments the report lists
// (all are counted): after a change of export, thousands may be absent.
const MaxListed = 100

// The values of the two submit buttons (name "action").
const (
	ActionCheck  = "verifier"
	ActionImport = "importer"
)
