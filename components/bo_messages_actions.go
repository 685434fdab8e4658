package components

import (
	"strconv"

	"github.com/departement06/extranet-assmat/components/paths"
)

// Paths, names and values of the back office's messages: app/bomessages
// reads these very constants, so that a template and its handler cannot
// disagree on a button.
const (
	// BackOfficeMessagesNew is the page that writes a message (GET) and
	// takes each step of it (POST: search, preview, edit again, send).
	BackOfficeMessagesNew = paths.BackOfficeMessages + "/nouveau"
	// BackOfficeMessageFormID is the region htmx swaps at each step.
	BackOfficeMessageFormID = "message-nouveau"
	// BackOfficeMessageSearchButtonID is "Rechercher": with an id, htmx
	// gives the focus back to it after the swap replaced it.
	BackOfficeMessageSearchButtonID = "message-rechercher"
	// BackOfficeMessagesListID is the sent messages' region (page links).
	BackOfficeMessagesListID = "messages-envoyes"

	MessageActionSearch  = "rechercher"
	MessageActionPreview = "previsualiser"
	MessageActionEdit    = "modifier"
	MessageActionSend    = "envoyer"

	// The values of the "Destinataires" choice.
	MessageToAll = "tous"
	MessageToOne = "une"

	// BackOfficeMessagesSentName is the list's query flag after a send.
	BackOfficeMessagesSentName = "envoye"
)

// BackOfficeMessagesPageURL is page n of the sent messages.
func BackOfficeMessagesPageURL(n int) string {
	if n <= 1 {
		return paths.BackOfficeMessages
	}
	return paths.BackOfficeMessages + "?page=" + strconv.Itoa(n)
}
