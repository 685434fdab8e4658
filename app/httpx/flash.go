package httpx

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// A notice is a one-time message carried by a cookie to the page after a
// redirect ("Vous êtes déconnecté(e)."). Only its key travels; the text is
// looked up here, so nothing a visitor sets is ever shown as such.
const flashCookie = "flash"

// Notice keys.
const (
	NoticeLoggedOut            = "deconnexion"
	NoticeInactivity           = "inactivite"
	NoticeSessionEnded         = "session-terminee"
	NoticePasswordChanged      = "mot-de-passe-change"
	NoticeLinkSent             = "lien-envoye"
	NoticeEmailChangeSent      = "email-confirmation-envoyee"
	NoticeEmailChanged         = "email-change"
	NoticeChildSaved           = "enfant-enregistre"
	NoticeChildSavedNoGuardian = "enfant-enregistre-sans-parents"
	NoticeChildDeleted         = "enfant-supprime"
)

var notices = map[string]string{
	NoticeLoggedOut:       "Vous êtes déconnecté(e).",
	NoticeInactivity:      "Vous avez été déconnecté(e) après une période d'inactivité. Veuillez vous reconnecter.",
	NoticeSessionEnded:    "Votre session a pris fin. Veuillez vous reconnecter.",
	NoticePasswordChanged: "Votre mot de passe a été enregistré. Connectez-vous avec votre nouveau mot de passe.",
	NoticeEmailChangeSent: "Un courriel de confirmation vient d'être envoyé à la nouvelle adresse. Elle remplacera l'adresse actuelle " +
		"lorsque vous aurez cliqué sur le lien qu'il contient.",
	NoticeEmailChanged: "Votre nouvelle adresse email est enregistrée.",
	NoticeChildSaved:   "La fiche de l'enfant est enregistrée.",
	NoticeChildSavedNoGuardian: "La fiche de l'enfant est enregistrée. Pensez à compléter les coordonnées des parents : " +
		"la loi vous oblige à les préciser.",
	NoticeChildDeleted: "La fiche de l'enfant a été supprimée.",
}

const localsSecure = "httpx.secure"

// SecureCookies marks every request of an app served over https (an https
// BASE_URL), so that the cookies set here carry Secure. The request's own
// scheme is not enough: behind a proxy that ends TLS, it arrives over http.
func SecureCookies(on bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if on {
			c.Locals(localsSecure, true)
		}
		return c.Next()
	}
}

func secure(c *fiber.Ctx) bool {
	on, _ := c.Locals(localsSecure).(bool)
	return on || c.Protocol() == "https"
}

// SetNotice leaves a notice for the next page.
func SetNotice(c *fiber.Ctx, key string) {
	c.Cookie(&fiber.Cookie{
		Name: flashCookie, Value: key, Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: secure(c), Expires: time.Now().Add(5 * time.Minute),
	})
}

// TakeNotice returns the French text of the notice left for this page ("" when
// none) and clears it.
func TakeNotice(c *fiber.Ctx) string {
	key := c.Cookies(flashCookie)
	if key == "" {
		return ""
	}
	c.Cookie(&fiber.Cookie{Name: flashCookie, Value: "", Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: secure(c), Expires: time.Unix(1, 0), MaxAge: -1})
	if texts, ok := c.Locals(localsNotices).(map[string]string); ok {
		if text, ok := texts[key]; ok {
			return text
		}
	}
	return notices[key]
}

const localsNotices = "httpx.notices"

// WithNotices adds the notices whose text depends on the configuration (a
// link's lifetime): their owning feature builds them once, at start-up.
func WithNotices(texts map[string]string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		c.Locals(localsNotices, texts)
		return c.Next()
	}
}
