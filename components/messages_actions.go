package components

import (
	"strconv"

	"github.com/departement06/extranet-assmat/components/paths"
)

// Query-string names and values of the messages list, and the form names of
// its actions: app/messages parses and builds its URLs with these very
// constants, so that a link of a template and its handler cannot disagree.
// Every view of the list (box, sort, direction, search, page) lives in the
// query string: each is a bookmarkable URL.
const (
	MessagesBoxName    = "boite"
	MessagesSortName   = "tri"
	MessagesDirName    = "ordre"
	MessagesSearchName = "recherche"
	MessagesPageName   = "page"
	// MessagesReturnName carries, in an archive or restore form, the query
	// string of the list view the form was on: without JavaScript the
	// action sends the visitor back to that very view.
	MessagesReturnName = "retour"

	MessagesBoxReceived = "recus"
	MessagesBoxArchived = "archives"

	MessagesSortDate      = "date"
	MessagesSortSender    = "expediteur"
	MessagesSortRecipient = "destinataire"
	MessagesSortSubject   = "objet"

	MessagesDirAsc  = "croissant"
	MessagesDirDesc = "decroissant"

	// MessagesSearchMax is the longest search, in characters: the input's
	// maxlength, and where app/messages cuts a longer one (a forged URL).
	MessagesSearchMax = 100
)

// Ids of the messages list: htmx swaps the region in place (the received /
// archived switch, sort, search and pages), and announces an archived or
// restored row in the status region.
const (
	MessagesRegionID = "messages"
	MessagesStatusID = "messages-annonce"
	// MessagesHeadingID is the list's heading: it takes the focus when the
	// control that had it is gone from the swapped list (a box link, hidden
	// in the closed menu; "Effacer la recherche"; an archived row's button).
	MessagesHeadingID     = "messages-titre"
	MessagesBoxIDPrefix   = "boite-"
	MessagesClearSearchID = "effacer-recherche"
)

// Titles of the two boxes, and the recipient of a general message (seed §2.3.1).
const (
	MessagesReceivedTitle = "Messages reçus"
	MessagesArchivedTitle = "Messages archivés"
	GeneralRecipient      = "Tous les assistants maternels"
)

// MessagePath is the page of one message, or one of its actions
// ("archiver", "restaurer").
func MessagePath(id int64, action ...string) string {
	p := paths.Messages + "/" + strconv.FormatInt(id, 10)
	for _, a := range action {
		p += "/" + a
	}
	return p
}

// The actions' path segments.
const (
	MessageArchive = "archiver"
	MessageRestore = "restaurer"
)

// MessageRowID is the id of a message's row in the list: an archive or
// restore posted by htmx with this row as its target removes it in place.
func MessageRowID(id int64) string { return "message-" + strconv.FormatInt(id, 10) }
