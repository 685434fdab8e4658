// Package boexport is the back office's declarations export (issue 11 §4):
// the agents download, as a CSV file for spreadsheet software set to French,
// the children currently declared by the childminders of one commune, of one
// childminder, or of all. The file is streamed: each row is written as the
// database yields it, never held whole in memory. Each export is in the
// audit log with its scope, written before the first byte is sent.
package boexport

import (
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// Paths of the feature: the form, and the file it asks for.
const (
	PathForm = components.BackOfficeExport
	PathFile = components.BackOfficeExportFile
)

// Deps are what the handlers need.
type Deps struct {
	Pool *pgxpool.Pool
	Log  *slog.Logger
	Now  func() time.Time
}

// Handlers serves the export's form and its file.
type Handlers struct{ d Deps }

// New returns the handlers.
func New(d Deps) *Handlers {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Log == nil {
		d.Log = slog.Default()
	}
	return &Handlers{d: d}
}

// fields are the scope's inputs, each defined once. Both empty: every
// childminder; both filled: her, if she works in that commune.
var fields = struct{ Commune, Login form.Spec }{
	Commune: form.Spec{Name: "commune", ID: "export-commune", Label: "Commune", Chars: form.Name, Max: 100,
		Hint: "La commune de l'assistant maternel, par exemple Nice (les accents et majuscules sont indifférents). Vide : toutes les communes."},
	Login: form.Spec{Name: "assmat", ID: "export-assmat", Label: "Identifiant de l'assistant maternel", Chars: form.Name, Max: 32,
		Hint: "Vide : tous les assistants maternels."},
}

const msgNoOne = "Aucun assistant maternel ne correspond à ce choix : vérifiez la commune et l'identifiant."

// Scope is what an export covers ("" for no filter).
type Scope struct{ Commune, Login string }

// ReadScope reads the scope from the query string.
func ReadScope(c *fiber.Ctx) Scope {
	return Scope{Commune: fields.Commune.Read(c), Login: fields.Login.Read(c)}
}

// Check is the scope's errors (characters, lengths).
func (s Scope) Check() components.Errors {
	var errs components.Errors
	errs.Add(fields.Commune.InputID(), fields.Commune.Check(s.Commune))
	errs.Add(fields.Login.InputID(), fields.Login.Check(s.Login))
	return errs
}

// NoOne is the error of a scope that names no childminder.
func NoOne() components.Errors {
	var errs components.Errors
	errs.Add(fields.Commune.InputID(), msgNoOne)
	return errs
}

// Props is the form's view model.
func Props(s Scope, errs components.Errors) components.BackOfficeExportProps {
	return components.BackOfficeExportProps{
		Errors:  errs,
		Action:  PathFile,
		Commune: fields.Commune.Field(s.Commune, errs.For(fields.Commune.InputID())),
		Login:   fields.Login.Field(s.Login, errs.For(fields.Login.InputID())),
	}
}
