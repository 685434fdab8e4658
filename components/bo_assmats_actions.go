package components

import (
	"net/url"

	"github.com/departement06/extranet-assmat/components/paths"
)

// Names, path segments and ids of the back office's childminder pages
// (issue 10): app/boassmats reads and builds its URLs with these very
// constants, so that a template's link and its handler cannot disagree.
const (
	// BoAssmatsSearchName and BoAssmatsPageName are the search's query
	// string: every result page is a bookmarkable URL.
	BoAssmatsSearchName = "recherche"
	BoAssmatsPageName   = "page"
	// BoAssmatsSearchID is the search input's id.
	BoAssmatsSearchID = "recherche-assmats"
	// BoAssmatsResultsID is the region htmx swaps with a search's results.
	BoAssmatsResultsID = "resultats-assmats"
	// BoAssmatsStatusID is the page's status region, which an htmx search
	// tells what its results hold.
	BoAssmatsStatusID = "resultats-assmats-annonce"

	// The account actions' path segments, after a childminder's page.
	BoAssmatAccess         = "acces"
	BoAssmatIdentifierOnly = "identifiant-seul"
	BoAssmatUnlock         = "deblocage"
)

// BoAssmatPath is a childminder's page (by her identifier), or one of its
// actions (BoAssmatAccess…).
func BoAssmatPath(login string, action ...string) string {
	p := paths.BackOfficeAssmats + "/" + url.PathEscape(login)
	for _, a := range action {
		p += "/" + a
	}
	return p
}
