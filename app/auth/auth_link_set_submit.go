package auth

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/throttle"
	"github.com/departement06/extranet-assmat/components"
)

// SubmitSetPassword sets the password through the emailed link. Every cheap
// check comes before the hash (64 MiB of memory): the submission is counted
// per client address, the link must exist, the form must be valid. The link
// is spent in the same transaction: used twice at once, only one use wins.
// The password set proves the account's mailbox: every lock of the account
// (the login throttle included) is lifted, so that nobody can keep its owner
// out by failing on purpose.
func (h *Handlers) SubmitSetPassword(c *fiber.Ctx) error {
	ctx := c.UserContext()
	token := strings.Clone(c.Params("token"))
	f := ParsePasswordForm(c)
	r, err := h.throttle.Reserve(ctx, throttle.TokenClientKey(httpx.ClientIP(c)))
	if err != nil {
		return err
	}
	if !r.Allowed() {
		errs := components.FormErrors(throttle.Explain(r.RetryAt, h.Now()))
		return renderPasswordChange(c, setPasswordProps(token, errs), fiber.StatusTooManyRequests)
	}
	link, ok, err := credentials.FindLink(ctx, h.q, token, credentials.PurposeSetPassword, h.Now())
	if err != nil {
		return err
	}
	if !ok {
		return renderLinkInvalid(c)
	}
	if errs := f.Validate(false); len(errs) > 0 {
		return renderPasswordChange(c, setPasswordProps(token, errs), fiber.StatusUnprocessableEntity)
	}
	hash, err := credentials.HashPassword(ctx, f.Password)
	if err != nil {
		return err
	}
	now := h.Now()
	var spent bool
	err = pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		q := db.New(tx)
		if _, err := q.LockAssmat(ctx, link.AssmatID); err != nil {
			return err
		}
		used, ok, err := credentials.SpendLink(ctx, q, token, credentials.PurposeSetPassword, now)
		if spent = ok; !ok || err != nil {
			return err
		}
		// The address the link was sent to becomes the account's if it had none.
		if err := credentials.StoreHash(ctx, q, used.AssmatID, hash, now, &used.NewEmail); err != nil {
			return err
		}
		return h.throttle.WithTx(tx).Clear(ctx, throttle.AccountKeys(link.Login)...)
	})
	if err != nil {
		return err
	}
	if !spent {
		return renderLinkInvalid(c)
	}
	// The owner proved her mailbox here: her next logins from this browser
	// count apart from whatever a stranger does with her identifier.
	h.trustDevice(c, device{login: link.Login, passwordSetAt: &now})
	return h.endSessionAfterPasswordChange(c)
}
