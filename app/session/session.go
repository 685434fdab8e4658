// Package session keeps who is signed in: a store of its own in PostgreSQL
// (the "sessions" table: one row per session, in columns), with an idle
// timeout, an absolute lifetime, and no database write to read a page (the
// last-seen time is refreshed at most once a minute). It knows nothing of
// pages: what the layout shows of the signed-in childminder, and where an
// anonymous visitor is sent, are the web layer's (app/web).
//
// One round trip reads the session, its user and, for the pages that say
// what they read (Prefetch), the page's own data: the cookie carries the
// user's id next to the session's secret, so the user and the page can be
// queried with the session row in one batch. The id is only a claim: the
// row must name the same user, or nothing read is used. (Issue 12 replaced
// fiber's session storage, whose opaque value cannot be read that way.)
//
// The same manager, configured with another table, cookie and user query,
// keeps the back office's agents (app/backoffice): two managers, two
// cookies, so that a childminder's session can never be an agent's.
package session

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/puddle/v2"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/dbbatch"
)

// CookieName is the childminders' session cookie.
const CookieName = "extranet_session"

// refreshEvery bounds the writes that keep an active session alive.
const refreshEvery = time.Minute

// Locals set by the middleware. The user and the expiry are each manager's
// (the key ends with its cookie's name); the id is every signed-in session's.
const (
	localsUser    = "session.user:"
	localsID      = "session.id"
	localsExpired = "session.expired:"
)

// User is the signed-in childminder.
type User = db.GetAssmatRow

// UserResult is what a queued user query gives once its batch is sent: the
// user, when her password last changed (every session opened before ends),
// or pgx.ErrNoRows when she is gone.
type UserResult func() (user any, passwordChangedAt *time.Time, err error)

// Config tunes the manager.
type Config struct {
	Idle   time.Duration // ends a session after this long without a request
	MaxAge time.Duration // ends a session this long after login
	Secure bool          // cookie only over HTTPS
	Now    func() time.Time

	// Table and Cookie are the store's table and cookie: "sessions" and
	// CookieName (the childminders') when empty. Another kind of user (the
	// back office's agents) has its own of both.
	Table, Cookie string
	// Users is the table of the users the sessions name ("assmats" when
	// empty): a sign-in's session is opened only while the password it
	// checked is still the user's (LoginChecked).
	Users string
	// QueueUser queues the query of the user a session names in the
	// session's batch. Nil queues a childminder (GetAssmat).
	QueueUser func(b *pgx.Batch, id int64) UserResult
	// Log receives the clean-up's errors; nil is slog's default.
	Log *slog.Logger
}

// Manager loads, starts and ends sessions.
type Manager struct {
	pool     *pgxpool.Pool
	cfg      Config
	sql      statements
	prefetch []prefetcher
}

// New builds the manager on the app's pool and starts its clean-up, which
// deletes expired sessions every minute for as long as the process runs.
func New(pool *pgxpool.Pool, cfg Config) *Manager {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Table == "" {
		cfg.Table = "sessions"
	}
	if cfg.Cookie == "" {
		cfg.Cookie = CookieName
	}
	if cfg.Users == "" {
		cfg.Users = "assmats"
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.QueueUser == nil {
		cfg.QueueUser = func(b *pgx.Batch, id int64) UserResult {
			user := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) (User, error) { return q.GetAssmat(ctx, id) })
			return func() (any, *time.Time, error) {
				u, err := user()
				return &u, u.PasswordChangedAt, err
			}
		}
	}
	m := &Manager{pool: pool, cfg: cfg, sql: statementsFor(cfg.Table, cfg.Users)}
	go m.cleanUp()
	return m
}

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

// setCookie sets (or, with expire, deletes) the session cookie. It lives as
// long as the browser: the server decides when a session ends.
func (m *Manager) setCookie(c *fiber.Ctx, value string, expire bool) {
	ck := &fiber.Cookie{Name: m.cfg.Cookie, Value: value, Path: "/", HTTPOnly: true, Secure: m.cfg.Secure,
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
	if c.Cookies(m.cfg.Cookie) == "" {
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
	claim, ok := parseCookie(c.Cookies(m.cfg.Cookie))
	if !ok {
		return nil
	}
	_, err := m.pool.Exec(c.UserContext(), m.sql.delete, claim.key[:])
	return err
}

// cleanUp deletes the expired sessions every minute, until the pool is
// closed. Its statement ends with CleanUpCondition, so that the tests'
// round-trip counters can leave it out: it is no page's cost.
func (m *Manager) cleanUp() {
	tick := time.NewTicker(time.Minute)
	defer tick.Stop()
	for range tick.C {
		now := m.cfg.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_, err := m.pool.Exec(ctx, m.sql.cleanUp, now.Add(-m.cfg.Idle), now.Add(-m.cfg.MaxAge))
		cancel()
		if errors.Is(err, puddle.ErrClosedPool) {
			return
		}
		if err != nil {
			// The database away for a while: the next minute tries again.
			m.cfg.Log.Warn("session clean-up", "table", m.cfg.Table, "error", err)
		}
	}
}

// User is the manager's signed-in user (what its QueueUser read), nil for a
// visitor without a session of this manager.
func (m *Manager) User(c *fiber.Ctx) any { return c.Locals(localsUser + m.cfg.Cookie) }

// Ended is the notice key of why the request's session of this manager ended
// ("" when it carried none).
func (m *Manager) Ended(c *fiber.Ctx) string { return EndedOf(c, m.cfg.Cookie) }

// UserOf is the signed-in user of the manager whose cookie is named cookie
// (see Config.Cookie), for code that has the request but not the manager.
func UserOf(c *fiber.Ctx, cookie string) any { return c.Locals(localsUser + cookie) }

// EndedOf is Ended for the manager whose cookie is named cookie.
func EndedOf(c *fiber.Ctx, cookie string) string {
	e, _ := c.Locals(localsExpired + cookie).(string)
	return e
}

// CurrentUser is the signed-in childminder, nil for an anonymous visitor.
func CurrentUser(c *fiber.Ctx) *User {
	u, _ := c.Locals(localsUser + CookieName).(*User)
	return u
}

// ID names the request's signed-in sessions (a childminder's, an agent's;
// both when a browser holds both), "" for an anonymous visitor.
func ID(c *fiber.Ctx) string {
	id, _ := c.Locals(localsID).(string)
	return id
}

// Ended is the notice key of why the request's session ended ("" when it
// carried no ended session).
func Ended(c *fiber.Ctx) string { return EndedOf(c, CookieName) }
