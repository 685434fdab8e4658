package session

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"
)

// setCookie sets (or, with expire, deletes) the session cookie. It lives as
// long as the browser: the server decides when a session ends.
func (m *Manager) setCookie(c *fiber.Ctx, value string, expire bool) {
	ck := &fiber.Cookie{Name: m.wire, Value: value, Path: "/", HTTPOnly: true, Secure: m.cfg.Secure,
		SameSite: fiber.CookieSameSiteLaxMode, SessionOnly: true}
	if expire {
		ck.SessionOnly, ck.Expires, ck.MaxAge = false, time.Unix(1, 0), -1
	}
	c.Cookie(ck)
}

// Login starts a new session for the user, under a new id.
func (m *Manager) Login(c *fiber.Ctx, userID int64) error {
	return m.LoginAt(c, userID, m.cfg.Now())
}

// LoginAt is Login with the session's start given: a password change at that
// very time ends the older sessions, not this one (see Middleware).
func (m *Manager) LoginAt(c *fiber.Ctx, userID int64, at time.Time) error {
	// A new id at login: a session id known before signing in is worth
	// nothing after. The one the browser held, if any, ends.
	if err := m.end(c); err != nil {
		return err
	}
	claim, err := newClaim(userID)
	if err != nil {
		return err
	}
	if _, err := m.pool.Exec(c.UserContext(), m.sql.insert, claim.key[:], userID, at); err != nil {
		return err
	}
	m.setCookie(c, claim.cookie(), false)
	return nil
}

// ErrPasswordChanged: the password a sign-in checked is no longer the
// account's (changed while it was being checked). No session is opened.
var ErrPasswordChanged = errors.New("session: the password changed during the sign-in")

// LoginChecked is Login for a sign-in: the session is opened only if the
// account's password is still the one checked (its hash, checkedHash).
// Otherwise a password changed while the sign-in was hashing would leave
// it a session born after the change, which the change no longer ends.
func (m *Manager) LoginChecked(c *fiber.Ctx, userID int64, checkedHash string) error {
	if err := m.end(c); err != nil {
		return err
	}
	claim, err := newClaim(userID)
	if err != nil {
		return err
	}
	tag, err := m.pool.Exec(c.UserContext(), m.sql.insertChecked, claim.key[:], userID, m.cfg.Now(), checkedHash)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return ErrPasswordChanged
	}
	m.setCookie(c, claim.cookie(), false)
	return nil
}

// Logout ends the current session, in the database and in the browser.
func (m *Manager) Logout(c *fiber.Ctx) error {
	if c.Cookies(m.wire) == "" {
		return nil
	}
	if err := m.end(c); err != nil {
		return err
	}
	m.setCookie(c, "", true)
	return nil
}

// end deletes the row of the session the request's cookie names, if any.
func (m *Manager) end(c *fiber.Ctx) error {
	claim, ok := parseCookie(c.Cookies(m.wire))
	if !ok {
		return nil
	}
	_, err := m.pool.Exec(c.UserContext(), m.sql.delete, claim.key[:])
	return err
}
