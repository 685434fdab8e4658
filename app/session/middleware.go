package session

import (
	"errors"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Middleware loads the session and its user, if any, and the page's reads
// when the route prefetches (see Prefetch): one round trip for all, and
// nothing for a visitor without this manager's cookie.
func (m *Manager) Middleware() fiber.Handler {
	return func(c *fiber.Ctx) error {
		raw := c.Cookies(m.wire)
		if raw == "" {
			return c.Next()
		}
		claim, ok := parseCookie(raw)
		if !ok {
			// A cookie of another format (forged, or from before issue 12): no session.
			m.forget(c, NoticeInactivity)
			return c.Next()
		}
		b := &pgx.Batch{}
		user := m.cfg.QueueUser(b, claim.key[:], claim.userID)
		page := m.queuePage(c, b, claim.userID)
		sent := m.pool.SendBatch(c.UserContext(), b).Close()
		signed, err := user()
		switch {
		case noSuchSession(err):
			// Idle past the clean-up, ended by a logout, or never ours. The
			// page's reads did not run: PostgreSQL skipped them.
			m.forget(c, NoticeInactivity)
			return c.Next()
		case errors.Is(err, pgx.ErrNoRows):
			// Her session, but she is gone (a disabled agent).
			m.forget(c, NoticeSessionEnded)
			return c.Next()
		case err != nil && sent != nil:
			// The batch never reached the session's statement: the database is away.
			return sent
		case err != nil:
			return err
		case sent != nil && page != nil && errors.Is(sent, pgx.ErrNoRows):
			// The session was read; a page read found nothing (a message
			// that is not hers): the page answers so without reading again.
			page.missing = sent
		case sent != nil:
			// The session was read; a page read failed otherwise: the page
			// reads again by itself.
			page = nil
		}
		// Idle, too old, or older than the password's last change (which
		// ends every session opened before it). No delete here: reading a
		// page never writes; the clean-up removes the row.
		if why := m.ended(signed); why != "" {
			m.forget(c, why)
			return c.Next()
		}
		now := m.cfg.Now()
		c.Locals(localsUser+m.cfg.Cookie, signed.User)
		if page != nil {
			c.Locals(localsPage, page)
		}
		// The CSRF token is tied to every session of the browser: it dies
		// when any of them starts or ends.
		id := claim.keyHex()
		if other := ID(c); other != "" {
			id = other + " " + id
		}
		c.Locals(localsID, id)
		if now.Sub(signed.SeenAt) >= refreshEvery {
			if _, err := m.pool.Exec(c.UserContext(), m.sql.refresh, claim.key[:], now, now.Add(-refreshEvery)); err != nil {
				return err
			}
		}
		return c.Next()
	}
}

// noSuchSession is the error of a session's statement when its row does
// not exist (no_session() raises no_data_found: migration 0011).
func noSuchSession(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == noSession
}

// forget treats the request as anonymous and drops the stale cookie; why is
// the notice the login page will show if the visitor is sent there.
func (m *Manager) forget(c *fiber.Ctx, why string) {
	c.Locals(localsExpired+m.cfg.Cookie, why)
	m.setCookie(c, "", true)
}
