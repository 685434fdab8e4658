package auth

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components/paths"
)

// SubmitPasswordChange replaces the temporary password. On success every
// session ends and the childminder signs in again with the new password.
func (h *Handlers) SubmitPasswordChange(c *fiber.Ctx) error {
	u := session.CurrentUser(c)
	if !u.MustChangePassword {
		return httpx.Redirect(c, paths.Account)
	}
	f := ParsePasswordForm(c)
	errs := f.Validate(true)
	if len(errs) == 0 {
		wrong, err := h.wrongPassword(c, u.ID, f.Current)
		if err != nil {
			return err
		}
		if wrong {
			errs.Add("mot-de-passe-actuel", credentials.MsgCurrentWrong)
		}
	}
	if len(errs) > 0 {
		return renderPasswordChange(c, passwordChangeProps(u, errs), fiber.StatusUnprocessableEntity)
	}
	if err := credentials.SetPassword(c.UserContext(), h.q, u.ID, f.Password, h.Now(), nil); err != nil {
		return err
	}
	return h.endSessionAfterPasswordChange(c)
}

// wrongPassword is true when password is not the account's current one.
func (h *Handlers) wrongPassword(c *fiber.Ctx, id int64, password string) (bool, error) {
	hash, err := h.q.GetPasswordHash(c.UserContext(), id)
	if err != nil {
		return false, err
	}
	return !credentials.CheckPassword(password, hash), nil
}

func (h *Handlers) endSessionAfterPasswordChange(c *fiber.Ctx) error {
	if err := h.Sessions.Logout(c); err != nil {
		return err
	}
	httpx.SetNotice(c, httpx.NoticePasswordChanged)
	return httpx.Redirect(c, paths.Login)
}
