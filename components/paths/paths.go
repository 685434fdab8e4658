// Package paths names every route of the extranet once: handlers register
// them, components link to them.
package paths

const (
	Dashboard     = "/"
	Login         = "/connexion"
	Logout        = "/deconnexion"
	FirstLogin    = "/premiere-connexion"
	Documents     = "/documents-utiles"
	Agrement      = "/mon-agrement"
	Messages      = "/messages"
	Children      = "/enfants-accueillis"
	Account       = "/mon-compte"
	Accessibility = "/accessibilite"
	Static        = "/static"
)
