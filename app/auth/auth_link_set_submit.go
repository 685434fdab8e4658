package auth

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/db"
)

// SubmitSetPassword sets the password through the emailed link. The link is
// spent in the same transaction: used twice at once, only one use wins.
func (h *Handlers) SubmitSetPassword(c *fiber.Ctx) error {
	ctx := c.UserContext()
	token := strings.Clone(c.Params("token"))
	f := ParsePasswordForm(c)
	if errs := f.Validate(false); len(errs) > 0 {
		ok, err := h.linkValid(c, token)
		if err != nil {
			return err
		}
		if !ok {
			return renderLinkInvalid(c)
		}
		return renderPasswordChange(c, setPasswordProps(token, errs), fiber.StatusUnprocessableEntity)
	}
	hash, err := credentials.HashPassword(f.Password)
	if err != nil {
		return err
	}
	now := h.Now()
	var spent bool
	err = pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		q := db.New(tx)
		link, ok, err := credentials.SpendLink(ctx, q, token, credentials.PurposeSetPassword, now)
		if spent = ok; !ok || err != nil {
			return err
		}
		// The address the link was sent to becomes the account's if it had none.
		return q.SetPassword(ctx, db.SetPasswordParams{ID: link.AssmatID, PasswordHash: hash, Now: now, Email: &link.NewEmail})
	})
	if err != nil {
		return err
	}
	if !spent {
		return renderLinkInvalid(c)
	}
	return h.endSessionAfterPasswordChange(c)
}
