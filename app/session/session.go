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
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/dbbatch"
	"github.com/departement06/extranet-assmat/app/hostcookie"
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

// Signed is what the session's statement reads: the user, when her password
// last changed (every session opened before ends), and the session's times.
type Signed struct {
	User              any
	PasswordChangedAt *time.Time
	LoginAt, SeenAt   time.Time
}

// UserResult is what the queued session's statement gives once its batch is
// sent: the session and its user; an error with code noSession (P0002) when
// the cookie names no session (no_session() raises: see migration 0011),
// pgx.ErrNoRows when the user is gone (a disabled agent).
type UserResult func() (Signed, error)

// Config tunes the manager.
type Config struct {
	Idle   time.Duration // ends a session after this long without a request
	MaxAge time.Duration // ends a session this long after login
	Secure bool          // cookie only over HTTPS
	Now    func() time.Time

	// Table and Cookie are the store's table and cookie: "sessions" and
	// CookieName (the childminders') when empty. Another kind of user (the
	// back office's agents) has its own of both. Over HTTPS (Secure) the
	// cookie goes by its __Host- name (app/hostcookie); Cookie also names
	// the request's user in the handlers (UserOf, EndedOf) either way.
	Table, Cookie string
	// Users is the table of the users the sessions name ("assmats" when
	// empty): a sign-in's session is opened only while the password it
	// checked is still the user's (LoginChecked).
	Users string
	// QueueUser queues the session's statement in its batch, first: the
	// session's row (by its key, for the user the cookie claims) and that
	// user, in one statement that fails when the session does not exist, so
	// that the page's reads queued after it are skipped. Nil queues a
	// childminder's (GetAssmat).
	QueueUser func(b *pgx.Batch, key []byte, id int64) UserResult
	// Log receives the clean-up's errors; nil is slog's default.
	Log *slog.Logger
}

// Manager loads, starts and ends sessions.
type Manager struct {
	pool     *pgxpool.Pool
	cfg      Config
	wire     string // the cookie's name on the wire (hostcookie.Name)
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
		cfg.QueueUser = func(b *pgx.Batch, key []byte, id int64) UserResult {
			user := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) (User, error) {
				return q.GetAssmat(ctx, db.GetAssmatParams{SessionKey: key, ID: id})
			})
			return func() (Signed, error) {
				u, err := user()
				return Signed{User: &u, PasswordChangedAt: u.PasswordChangedAt, LoginAt: u.SessionLoginAt, SeenAt: u.SessionSeenAt}, err
			}
		}
	}
	m := &Manager{pool: pool, cfg: cfg, wire: hostcookie.Name(cfg.Cookie, cfg.Secure), sql: statementsFor(cfg.Table, cfg.Users)}
	go m.cleanUp()
	return m
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
