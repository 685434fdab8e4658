package account

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// SubmitPassword changes the password. On success every session of the
// childminder ends, this one too, and she signs in again.
func (h *Handlers) SubmitPassword(c *fiber.Ctx) error {
	u := session.CurrentUser(c)
	f := ParsePasswordForm(c)
	errs := f.Validate()
	if len(errs) == 0 {
		hash, err := h.q.GetPasswordHash(c.UserContext(), u.ID)
		if err != nil {
			return err
		}
		if !credentials.CheckPassword(f.Current, hash) {
			errs.Add("mdp-actuel", credentials.MsgCurrentWrong)
		}
	}
	if len(errs) > 0 {
		p := props(u)
		p.PasswordErrors = errs
		return render(c, p, components.AccountPasswordSection(p), fiber.StatusUnprocessableEntity)
	}
	if err := credentials.SetPassword(c.UserContext(), h.q, u.ID, f.New, h.Now(), nil); err != nil {
		return err
	}
	if err := h.Sessions.Logout(c); err != nil {
		return err
	}
	httpx.SetNotice(c, httpx.NoticePasswordChanged)
	return httpx.Redirect(c, paths.Login)
}
