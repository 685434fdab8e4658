package session

// Keys of the notices that say why a session ended, shown on the login page
// the visitor is sent to. The session knows the reasons (idle, too old, a
// password change); the web layer carries the notice (see Ended).
const (
	NoticeInactivity      = "inactivite"
	NoticeSessionEnded    = "session-terminee"
	NoticePasswordChanged = "mot-de-passe-change"
)

// Notices are the French texts of this package's notice keys, registered at
// start-up with the other features' (httpx.WithNotices). A plain map: the
// session package knows nothing of HTTP rendering.
func Notices() map[string]string {
	return map[string]string{
		NoticeInactivity:   "Vous avez été déconnecté(e) après une période d'inactivité. Veuillez vous reconnecter.",
		NoticeSessionEnded: "Votre session a pris fin. Veuillez vous reconnecter.",
		// Set by the features that change a password: the change ends every
		// session of the childminder, the current one too.
		NoticePasswordChanged: "Votre mot de passe a été enregistré. Connectez-vous avec votre nouveau mot de passe.",
	}
}
