package components

// DocumentView is one of the "Documents utiles" as the page shows it: a link
// to another site (URL) or a stored file (FileURL), never both.
type DocumentView struct {
	Title       string
	Description string
	// URL is the address of the other site the entry links to (http or
	// https only), Host its name as the link shows it ("monenfant.fr").
	URL  string
	Host string
	// FileURL downloads the stored file; FileKind names its format ("PDF",
	// "Word"…) and FileSize its size in French ("245 Ko").
	FileURL  string
	FileKind string
	FileSize string
}

// DocumentsProps is the view model of "Documents utiles".
type DocumentsProps struct {
	Documents []DocumentView
}

// NoDocuments is what the page says when the département offers none yet.
const NoDocuments = "Aucun document n'est disponible pour le moment."

// DocumentsIntro is the seed's sentence (§2.1.3).
const DocumentsIntro = "Un ensemble de liens vers des sites ou des documents fournis par le département."
