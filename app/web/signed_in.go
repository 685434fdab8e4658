package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// layoutUser tells the layout who is signed in (the account menu's label, and
// whether the menu is restricted to Déconnexion). It runs after the session
// middleware: the session says who, the web layer says how pages show her.
func layoutUser(c *fiber.Ctx) error {
	if u := session.CurrentUser(c); u != nil {
		httpx.SetUser(c, &components.User{MenuLabel: menuLabel(u), Restricted: u.MustChangePassword,
			UnreadMessages: int(u.UnreadMessages)})
	}
	return c.Next()
}

// menuLabel names the account menu: "GERTRUDE ASSMAT (ASSISTANT MATERNEL)".
func menuLabel(u *session.User) string {
	return strings.ToUpper(u.Prenom+" "+u.Nom) + " (ASSISTANT MATERNEL)"
}

// requireUser sends an anonymous visitor to the login page (saying why when
// her session ended), and a childminder who must replace her temporary
// password to the page that does it: nothing else is reachable until then.
func requireUser(c *fiber.Ctx) error {
	u := session.CurrentUser(c)
	if u == nil {
		if why := session.Ended(c); why != "" {
			httpx.SetNotice(c, why)
		}
		return httpx.Redirect(c, paths.Login)
	}
	if u.MustChangePassword && c.Path() != paths.PasswordChange {
		return httpx.Redirect(c, paths.PasswordChange)
	}
	return c.Next()
}
