// Package paths names every route of the extranet once: handlers register
// them, components link to them.
package paths

const (
	Dashboard      = "/"
	Login          = "/connexion"
	Logout         = "/deconnexion"
	PasswordChange = "/changement-mot-de-passe" // temporary password, first login
	FirstLogin     = "/premiere-connexion"      // identifier only, or forgotten password
	SetPassword    = "/mot-de-passe/"           // + token: the emailed link
	Documents      = "/documents-utiles"
	Agrement       = "/mon-agrement"
	Messages       = "/messages"
	Children       = "/enfants-accueillis"
	Account        = "/mon-compte"
	AccountPass    = "/mon-compte/mot-de-passe"
	AccountEmail   = "/mon-compte/adresse-email"
	ConfirmEmail   = "/adresse-email/" // + token: the emailed link
	EmailConfirmed = "/adresse-email-confirmee"
	Accessibility  = "/accessibilite"
	DevMailbox     = "/dev/courriels"
	Gallery        = "/dev/composants" // + Component/state: the designers' gallery
	Static         = "/static"
)

// The back office of the département's agents (issue 10): every URL under
// BackOffice, behind the agents' own sign-in.
const (
	BackOffice            = "/back-office"
	BackOfficeLogin       = BackOffice + "/connexion"
	BackOfficeLogout      = BackOffice + "/deconnexion"
	BackOfficeSetPassword = BackOffice + "/mot-de-passe/" // + token: the link printed by "agent create"
	BackOfficeAccount     = BackOffice + "/mon-compte"
	BackOfficeAccountPass = BackOffice + "/mon-compte/mot-de-passe"
	BackOfficeAssmats     = BackOffice + "/assistants-maternels"
	BackOfficeMessages    = BackOffice + "/messages"
	BackOfficeDocuments   = BackOffice + "/documents-utiles"
	BackOfficeAudit       = BackOffice + "/journal"
)
