package auth

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// ShowPasswordChange renders "Changement de mot de passe" for a childminder who
// signed in with her temporary password. Others change theirs in "Mon compte".
func (h *Handlers) ShowPasswordChange(c *fiber.Ctx) error {
	u := session.CurrentUser(c)
	if !u.MustChangePassword {
		return httpx.Redirect(c, paths.Account)
	}
	return renderPasswordChange(c, PasswordChangeProps(temporaryView(u)), fiber.StatusOK)
}

// temporaryView is the form of a childminder who signed in with her
// temporary password: her login shown, her current password asked.
func temporaryView(u *session.User) PasswordView {
	return PasswordView{Action: paths.PasswordChange, Login: u.Login}
}

func renderPasswordChange(c *fiber.Ctx, p components.PasswordChangeProps, status int) error {
	return httpx.Render(c, httpx.View{
		Title:    httpx.Title("Changement de mot de passe", p.Errors),
		Page:     components.PasswordChangePage(p),
		Fragment: components.PasswordChangeCard(p),
		Status:   status,
	})
}
