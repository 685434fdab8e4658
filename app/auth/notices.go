package auth

import (
	"time"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/httpx"
)

// Notices are the texts of this feature's notices that depend on the
// configuration (see httpx.WithNotices): the link's lifetime is LINK_TTL's.
func Notices(linkTTL time.Duration) map[string]string {
	return map[string]string{
		httpx.NoticeLinkSent: "Si les informations saisies correspondent à un compte, un courriel contenant un lien pour définir " +
			"votre mot de passe vient d'être envoyé à l'adresse indiquée. Ce lien ne peut servir qu'une fois et expire au bout de " +
			credentials.LifetimeFR(linkTTL) + ". Si vous ne le recevez pas d'ici quelques minutes, vérifiez vos courriels " +
			"indésirables, puis réessayez plus tard.",
	}
}
