package auth

import (
	"time"

	"github.com/departement06/extranet-assmat/app/credentials"
)

// Keys of this feature's notices (httpx.SetNotice). The password change's
// notice is the session's (session.NoticePasswordChanged): Mon compte ends
// the session the same way.
const (
	NoticeLoggedOut = "deconnexion"
	NoticeLinkSent  = "lien-envoye"
)

// Notices are the French texts of this feature's notices, registered at
// start-up (httpx.WithNotices); the link's lifetime is LINK_TTL's.
func Notices(linkTTL time.Duration) map[string]string {
	return map[string]string{
		NoticeLoggedOut: "Vous êtes déconnecté(e).",
		NoticeLinkSent: "Si les informations saisies correspondent à un compte, un courriel contenant un lien pour définir " +
			"votre mot de passe vient d'être envoyé à l'adresse indiquée. Ce lien ne peut servir qu'une fois et expire au bout de " +
			credentials.LifetimeFR(linkTTL) + ". Si vous ne le recevez pas d'ici quelques minutes, vérifiez vos courriels " +
			"indésirables, puis réessayez plus tard.",
	}
}
