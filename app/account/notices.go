package account

// Keys of this feature's notices (httpx.SetNotice). A password change ends
// the session: its notice is the session's (session.NoticePasswordChanged).
const (
	NoticeEmailChangeSent = "email-confirmation-envoyee"
)

// Notices are the French texts of this feature's notices, registered at
// start-up (httpx.WithNotices).
func Notices() map[string]string {
	return map[string]string{
		NoticeEmailChangeSent: "Un courriel de confirmation vient d'être envoyé à la nouvelle adresse. Elle remplacera " +
			"l'adresse actuelle lorsque vous aurez cliqué sur le lien qu'il contient.",
	}
}
