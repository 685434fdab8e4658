// Package session keeps who is signed in: fiber's session middleware over
// PostgreSQL (the "sessions" table), with an idle timeout, an absolute lifetime,
// and no database write to read a page (the idle expiry is refreshed at most
// once a minute). It knows nothing of pages: what the layout shows of the
// signed-in childminder, and where an anonymous visitor is sent, are the web
// layer's (app/web).
package session

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"
	fibersession "github.com/gofiber/fiber/v2/middleware/session"
	"github.com/gofiber/storage/postgres/v3"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
)

// CookieName is the session cookie.
const CookieName = "extranet_session"

// refreshEvery bounds the writes that keep an active session alive.
const refreshEvery = time.Minute

// Keys stored in a session.
const (
	keyUser    = "uid"
	keyLoginAt = "login_at" // unix microseconds
	keySeenAt  = "seen_at"  // unix microseconds, refreshed at most every refreshEvery
)

// Locals set by the middleware.
const (
	localsUser    = "session.user"
	localsID      = "session.id"
	localsExpired = "session.expired"
)

// User is the signed-in childminder.
type User = db.GetAssmatRow

// Config tunes the manager.
type Config struct {
	Idle   time.Duration // ends a session after this long without a request
	MaxAge time.Duration // ends a session this long after login
	Secure bool          // cookie only over HTTPS
	Now    func() time.Time
}

// Manager loads, starts and ends sessions.
type Manager struct {
	store *fibersession.Store
	q     *db.Queries
	cfg   Config
}

// New builds the manager on the app's pool. The storage's Close is never
// called: in v3.3.0 it would close the shared pool.
func New(pool *pgxpool.Pool, cfg Config) *Manager {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	storage := postgres.New(postgres.Config{DB: pool, Table: "sessions", GCInterval: time.Minute})
	store := fibersession.New(fibersession.Config{
		Storage:        storage,
		Expiration:     cfg.Idle,
		KeyLookup:      "cookie:" + CookieName,
		CookiePath:     "/",
		CookieHTTPOnly: true,
		CookieSecure:   cfg.Secure,
		CookieSameSite: "Lax",
		// The server decides when a session ends; the browser forgets it when closed.
		CookieSessionOnly: true,
	})
	return &Manager{store: store, q: db.New(pool), cfg: cfg}
}

// Middleware loads the session and its childminder, if any. It costs one
// query for the session and one for the childminder, and nothing for an
// anonymous visitor without a session cookie.
func (m *Manager) Middleware() fiber.Handler {
	return func(c *fiber.Ctx) error {
		if c.Cookies(CookieName) == "" {
			return c.Next()
		}
		sess, err := m.store.Get(c)
		if err != nil {
			return err
		}
		uid, _ := sess.Get(keyUser).(int64)
		if sess.Fresh() || uid == 0 {
			// The cookie names a session the storage expired: idle too long.
			m.forget(c, NoticeInactivity)
			return c.Next()
		}
		now := m.cfg.Now()
		loginAt := time.UnixMicro(int64Of(sess.Get(keyLoginAt)))
		seenAt := time.UnixMicro(int64Of(sess.Get(keySeenAt)))
		if now.Sub(seenAt) > m.cfg.Idle {
			// No delete here: reading a page never writes; the storage's GC removes the row.
			m.forget(c, NoticeInactivity)
			return c.Next()
		}
		if now.Sub(loginAt) > m.cfg.MaxAge {
			m.forget(c, NoticeSessionEnded)
			return c.Next()
		}
		user, err := m.q.GetAssmat(c.UserContext(), uid)
		if errors.Is(err, pgx.ErrNoRows) {
			m.forget(c, NoticeSessionEnded)
			return c.Next()
		}
		if err != nil {
			return err
		}
		if user.PasswordChangedAt != nil && user.PasswordChangedAt.After(loginAt) {
			// The password changed after this login: every older session ends.
			m.forget(c, NoticeSessionEnded)
			return c.Next()
		}
		c.Locals(localsUser, &user)
		c.Locals(localsID, sess.ID())
		if now.Sub(seenAt) >= refreshEvery {
			sess.Set(keySeenAt, now.UnixMicro())
			if err := sess.Save(); err != nil {
				return err
			}
		}
		return c.Next()
	}
}

// forget treats the request as anonymous and drops the stale cookie; why is
// the notice the login page will show if the visitor is sent there.
func (m *Manager) forget(c *fiber.Ctx, why string) {
	c.Locals(localsExpired, why)
	c.Cookie(&fiber.Cookie{Name: CookieName, Value: "", Path: "/", HTTPOnly: true, Secure: m.cfg.Secure,
		SameSite: fiber.CookieSameSiteLaxMode, Expires: time.Unix(1, 0), MaxAge: -1})
}

// Login starts a new session for the childminder, under a new id.
func (m *Manager) Login(c *fiber.Ctx, userID int64) error {
	sess, err := m.store.Get(c)
	if err != nil {
		return err
	}
	// A new id at login: a session id known before signing in is worth nothing after.
	if err := sess.Reset(); err != nil {
		return err
	}
	now := m.cfg.Now().UnixMicro()
	sess.Set(keyUser, userID)
	sess.Set(keyLoginAt, now)
	sess.Set(keySeenAt, now)
	return sess.Save()
}

// Logout ends the current session, in the database and in the browser.
func (m *Manager) Logout(c *fiber.Ctx) error {
	if c.Cookies(CookieName) == "" {
		return nil
	}
	sess, err := m.store.Get(c)
	if err != nil {
		return err
	}
	return sess.Destroy()
}

// CurrentUser is the signed-in childminder, nil for an anonymous visitor.
func CurrentUser(c *fiber.Ctx) *User {
	u, _ := c.Locals(localsUser).(*User)
	return u
}

// ID is the id of the signed-in session, "" for an anonymous visitor.
func ID(c *fiber.Ctx) string {
	id, _ := c.Locals(localsID).(string)
	return id
}

// Ended is the notice key of why the request's session ended ("" when it
// carried no ended session).
func Ended(c *fiber.Ctx) string {
	e, _ := c.Locals(localsExpired).(string)
	return e
}

func int64Of(v any) int64 {
	n, _ := v.(int64)
	return n
}
