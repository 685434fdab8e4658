package boassmats

import (
	"context"
	"errors"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/db"
)

// maxLogin is the longest identifier (assmats_login_len).
const maxLogin = 32

// loginParam is the identifier of the URL; ok is false for one no account
// can have (then no query is made: a 404).
func loginParam(c *fiber.Ctx) (string, bool) {
	s := c.Params("login")
	if s == "" || len(s) > maxLogin {
		return "", false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '_' || r == '.') {
			return "", false
		}
	}
	return string([]byte(s)), true // a copy: fiber reuses its buffers
}

// errUnknown ends an action's transaction for an identifier no account has.
var errUnknown = errors.New("boassmats: no childminder has this identifier")

// lock reads the childminder an action is about, her row locked until the
// transaction ends.
func lock(ctx context.Context, q *db.Queries, login string) (db.BoLockAssmatRow, error) {
	a, err := q.BoLockAssmat(ctx, login)
	if errors.Is(err, pgx.ErrNoRows) {
		return a, errUnknown
	}
	return a, err
}

// notFoundIfUnknown turns errUnknown into the 404 it is.
func notFoundIfUnknown(err error) error {
	if errors.Is(err, errUnknown) {
		return fiber.ErrNotFound
	}
	return err
}

// confirmFor reads the childminder a confirmation page asks about (one query).
func (h *Handlers) confirmFor(c *fiber.Ctx) (db.BoGetAssmatRow, error) {
	login, ok := loginParam(c)
	if !ok {
		return db.BoGetAssmatRow{}, fiber.ErrNotFound
	}
	a, err := h.q.BoGetAssmat(c.UserContext(), login)
	if errors.Is(err, pgx.ErrNoRows) {
		return a, fiber.ErrNotFound
	}
	return a, err
}
