package components

import "strings"

// InSection is true when path is the section's page or one of its pages
// (/back-office/assistants-maternels/123 is in /back-office/assistants-maternels).
func InSection(path, section string) bool {
	return path == section || strings.HasPrefix(path, section+"/")
}

// BackOfficePasswordErrorsID is the error summary of "Mon compte" in the back
// office (its password form).
const BackOfficePasswordErrorsID = "erreurs-mot-de-passe"
