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
	ctx := c.UserContext()
	u := session.CurrentUser(c)
	f := ParsePasswordForm(c)
	v := pageView(u)
	v.PasswordErrors = f.Validate()
	status := fiber.StatusUnprocessableEntity
	if len(v.PasswordErrors) == 0 {
		msg, locked, err := credentials.CheckCurrentPassword(ctx, h.throttle, h.q, u.ID, u.Login, f.Current, h.Now())
		if err != nil {
			return err
		}
		v.CurrentPasswordError = msg
		if locked {
			status = fiber.StatusTooManyRequests
		}
	}
	if len(v.PasswordErrors) > 0 || v.CurrentPasswordError != "" {
		return render(c, v, components.AccountPasswordSection, status)
	}
	if err := credentials.SetPassword(ctx, h.Pool, u.ID, f.New, h.Now()); err != nil {
		return err
	}
	if err := h.Sessions.Logout(c); err != nil {
		return err
	}
	httpx.SetNotice(c, session.NoticePasswordChanged)
	return httpx.Redirect(c, paths.Login)
}
