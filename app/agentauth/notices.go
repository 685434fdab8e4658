package agentauth

// Keys of this feature's notices (httpx.SetNotice). An ended session's
// notices are app/session's (inactivity, too old), shared with the childminders.
const (
	NoticeLoggedOut       = "agent-deconnexion"
	NoticePasswordChanged = "agent-mot-de-passe-change"
	NoticePasswordSet     = "agent-mot-de-passe-defini"
)

// Notices are the French texts of this feature's notices, registered at
// start-up (httpx.WithNotices).
func Notices() map[string]string {
	return map[string]string{
		NoticeLoggedOut:       "Vous êtes déconnecté(e) du back office.",
		NoticePasswordChanged: "Votre mot de passe a été enregistré. Vos sessions ouvertes sur d'autres appareils sont fermées.",
		NoticePasswordSet:     "Votre mot de passe a été enregistré. Connectez-vous avec votre adresse email et ce mot de passe.",
	}
}
