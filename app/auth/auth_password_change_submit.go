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
	ctx := c.UserContext()
	u := session.CurrentUser(c)
	if !u.MustChangePassword {
		return httpx.Redirect(c, paths.Account)
	}
	f := ParsePasswordForm(c)
	v := temporaryView(u)
	v.Errors = f.Validate(true)
	status := fiber.StatusUnprocessableEntity
	if len(v.Errors) == 0 {
		msg, locked, err := credentials.CheckCurrentPassword(ctx, h.throttle, h.q, u.ID, u.Login, f.Current, h.Now())
		if err != nil {
			return err
		}
		v.CurrentError = msg
		if locked {
			status = fiber.StatusTooManyRequests
		}
	}
	if len(v.Errors) > 0 || v.CurrentError != "" {
		return renderPasswordChange(c, PasswordChangeProps(v), status)
	}
	if err := credentials.SetPassword(ctx, h.Pool, u.ID, f.Password, h.Now()); err != nil {
		return err
	}
	return h.endSessionAfterPasswordChange(c)
}

func (h *Handlers) endSessionAfterPasswordChange(c *fiber.Ctx) error {
	if err := h.Sessions.Logout(c); err != nil {
		return err
	}
	httpx.SetNotice(c, session.NoticePasswordChanged)
	return httpx.Redirect(c, paths.Login)
}
