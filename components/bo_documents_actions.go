package components

import (
	"strconv"

	"github.com/departement06/extranet-assmat/components/paths"
)

// Paths, names and ids of the back office's "Documents utiles":
// app/bodocuments reads these very constants.
const (
	BackOfficeDocumentsNew = paths.BackOfficeDocuments + "/nouveau"
	// BackOfficeDocumentsListID is the list's region: htmx swaps it after a
	// move, and a move without JavaScript comes back to its anchor.
	BackOfficeDocumentsListID = "documents-liste"
	// BackOfficeDocumentsDoneName is the list's query flag after an action.
	BackOfficeDocumentsDoneName = "fait"

	DocumentKindLink = "lien"
	DocumentKindFile = "fichier"

	DocumentEdit     = "modifier"
	DocumentDelete   = "supprimer"
	DocumentMoveUp   = "monter"
	DocumentMoveDown = "descendre"
)

// BackOfficeDocumentPath is an entry's action path: BackOfficeDocumentPath(7, "modifier").
func BackOfficeDocumentPath(id int64, action string) string {
	return paths.BackOfficeDocuments + "/" + strconv.FormatInt(id, 10) + "/" + action
}

// BackOfficeDocumentRowID is an entry's row id (its move buttons' ids start with it).
func BackOfficeDocumentRowID(id int64) string { return "document-" + strconv.FormatInt(id, 10) }
