package session

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Middleware loads the session and its user, if any, and the page's reads
// when the route prefetches (see Prefetch): one round trip for all, and
// nothing for a visitor without this manager's cookie.
func (m *Manager) Middleware() fiber.Handler {
	return func(c *fiber.Ctx) error {
		raw := c.Cookies(m.cfg.Cookie)
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
		row := m.queueRow(b, claim)
		user := m.cfg.QueueUser(b, claim.userID)
		page := m.queuePage(c, b, claim.userID)
		err := m.pool.SendBatch(c.UserContext(), b).Close()
		if !row.done {
			// The batch never reached the session's row: the database is away.
			return err
		}
		if err != nil {
			// The session and the user were read; a page read failed (a
			// message that does not exist...): the page reads again by itself.
			page = nil
		}
		if !row.found {
			// Idle past the clean-up, ended by a logout, or never ours.
			m.forget(c, NoticeInactivity)
			return c.Next()
		}
		now := m.cfg.Now()
		if now.Sub(row.seenAt) > m.cfg.Idle {
			// No delete here: reading a page never writes; the clean-up removes the row.
			m.forget(c, NoticeInactivity)
			return c.Next()
		}
		if now.Sub(row.loginAt) > m.cfg.MaxAge {
			m.forget(c, NoticeSessionEnded)
			return c.Next()
		}
		u, changedAt, err := user()
		if errors.Is(err, pgx.ErrNoRows) {
			m.forget(c, NoticeSessionEnded)
			return c.Next()
		}
		if err != nil {
			return err
		}
		if changedAt != nil && changedAt.After(row.loginAt) {
			// The password changed after this login: every older session ends.
			m.forget(c, NoticeSessionEnded)
			return c.Next()
		}
		c.Locals(localsUser+m.cfg.Cookie, u)
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
		if now.Sub(row.seenAt) >= refreshEvery {
			if _, err := m.pool.Exec(c.UserContext(), m.sql.refresh, claim.key[:], now, now.Add(-refreshEvery)); err != nil {
				return err
			}
		}
		return c.Next()
	}
}

// sessionRow is the session's row once its batch is sent.
type sessionRow struct {
	done, found     bool
	loginAt, seenAt time.Time
}

// queueRow queues the read of the session's row. Its callback never fails:
// a missing row is an answer, and an error would stop the batch's callbacks.
func (m *Manager) queueRow(b *pgx.Batch, claim cookieClaim) *sessionRow {
	row := &sessionRow{}
	b.Queue(m.sql.read, claim.key[:], claim.userID).QueryRow(func(r pgx.Row) error {
		err := r.Scan(&row.loginAt, &row.seenAt)
		var pgErr *pgconn.PgError
		missing := errors.As(err, &pgErr) && pgErr.Code == noSession
		row.done = err == nil || missing
		row.found = err == nil
		if !row.done {
			return err
		}
		return nil
	})
	return row
}

// forget treats the request as anonymous and drops the stale cookie; why is
// the notice the login page will show if the visitor is sent there.
func (m *Manager) forget(c *fiber.Ctx, why string) {
	c.Locals(localsExpired+m.cfg.Cookie, why)
	m.setCookie(c, "", true)
}
