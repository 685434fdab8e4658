// Package session keeps who is signed in: fiber's session middleware over
// PostgreSQL (the "sessions" table), with an idle timeout, an absolute lifetime,
// and no database write to read a page (the idle expiry is refreshed at most
// once a minute). It knows nothing of pages: what the layout shows of the
// signed-in childminder, and where an anonymous visitor is sent, are the web
// layer's (app/web).
//
// The same manager, configured with another table, cookie and user loader,
// keeps the back office's agents (app/backoffice): two managers, two
// cookies, so that a childminder's session can never be an agent's.
package session

import (
	"context"
	"errors"
	"reflect"
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

// Locals set by the middleware. The user and the expiry are each manager's
// (the key ends with its cookie's name); the id is every signed-in session's.
const (
	localsUser    = "session.user:"
	localsID      = "session.id"
	localsExpired = "session.expired:"
)

// User is the signed-in childminder.
type User = db.GetAssmatRow

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
	// Load reads the user a session names: what User returns, and when her
	// password last changed (every session opened before ends). It returns
	// pgx.ErrNoRows when she is gone. Nil loads a childminder (CurrentUser).
	Load func(ctx context.Context, id int64) (user any, passwordChangedAt *time.Time, err error)
}

// Manager loads, starts and ends sessions.
type Manager struct {
	store *fibersession.Store
	cfg   Config
}

// New builds the manager on the app's pool. The storage's Close is never
// called: in v3.3.0 it would close the shared pool.
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
	if cfg.Load == nil {
		q := db.New(pool)
		cfg.Load = func(ctx context.Context, id int64) (any, *time.Time, error) {
			user, err := q.GetAssmat(ctx, id)
			return &user, user.PasswordChangedAt, err
		}
	}
	storage := postgres.New(postgres.Config{DB: pool, Table: cfg.Table, GCInterval: time.Minute})
	store := fibersession.New(fibersession.Config{
		Storage:        storage,
		Expiration:     cfg.Idle,
		KeyLookup:      "cookie:" + cfg.Cookie,
		CookiePath:     "/",
		CookieHTTPOnly: true,
		CookieSecure:   cfg.Secure,
		CookieSameSite: "Lax",
		// The server decides when a session ends; the browser forgets it when closed.
		CookieSessionOnly: true,
	})
	return &Manager{store: store, cfg: cfg}
}

// Middleware loads the session and its user, if any. It costs one query for
// the session and one for the user, and nothing for a visitor without this
// manager's cookie.
func (m *Manager) Middleware() fiber.Handler {
	return func(c *fiber.Ctx) error {
		if c.Cookies(m.cfg.Cookie) == "" {
			return c.Next()
		}
		sess, err := m.get(c)
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
		user, changedAt, err := m.cfg.Load(c.UserContext(), uid)
		if errors.Is(err, pgx.ErrNoRows) {
			m.forget(c, NoticeSessionEnded)
			return c.Next()
		}
		if err != nil {
			return err
		}
		if changedAt != nil && changedAt.After(loginAt) {
			// The password changed after this login: every older session ends.
			m.forget(c, NoticeSessionEnded)
			return c.Next()
		}
		c.Locals(localsUser+m.cfg.Cookie, user)
		// The CSRF token is tied to every session of the browser: it dies
		// when any of them starts or ends.
		if other := ID(c); other != "" {
			c.Locals(localsID, other+" "+sess.ID())
		} else {
			c.Locals(localsID, sess.ID())
		}
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
	c.Locals(localsExpired+m.cfg.Cookie, why)
	c.Cookie(&fiber.Cookie{Name: m.cfg.Cookie, Value: "", Path: "/", HTTPOnly: true, Secure: m.cfg.Secure,
		SameSite: fiber.CookieSameSiteLaxMode, Expires: time.Unix(1, 0), MaxAge: -1})
}

// Login starts a new session for the user, under a new id.
func (m *Manager) Login(c *fiber.Ctx, userID int64) error {
	return m.LoginAt(c, userID, m.cfg.Now())
}

// LoginAt is Login with the session's start given: a password change at that
// very time ends the older sessions, not this one (see Middleware).
func (m *Manager) LoginAt(c *fiber.Ctx, userID int64, at time.Time) error {
	sess, err := m.get(c)
	if err != nil {
		return err
	}
	// A new id at login: a session id known before signing in is worth nothing after.
	if err := sess.Reset(); err != nil {
		return err
	}
	now := at.UnixMicro()
	sess.Set(keyUser, userID)
	sess.Set(keyLoginAt, now)
	sess.Set(keySeenAt, now)
	return sess.Save()
}

// Logout ends the current session, in the database and in the browser.
func (m *Manager) Logout(c *fiber.Ctx) error {
	if c.Cookies(m.cfg.Cookie) == "" {
		return nil
	}
	sess, err := m.get(c)
	if err != nil {
		return err
	}
	return sess.Destroy()
}

// get is the store's session of the request. fiber (v2.52) keeps the id of a
// session it just created in one Locals key shared by every store: a second
// store would take the first one's new id for its own, and see its own
// session as expired. The key is forgotten before each store reads its cookie.
func (m *Manager) get(c *fiber.Ctx) (*fibersession.Session, error) {
	var shared []any
	c.Context().VisitUserValuesAll(func(k, _ any) {
		if t := reflect.TypeOf(k); t != nil && t.PkgPath() == storeKeyPkg {
			shared = append(shared, k)
		}
	})
	for _, k := range shared {
		c.Context().RemoveUserValue(k)
	}
	return m.store.Get(c)
}

// storeKeyPkg is the package of fiber's Locals key for a new session's id.
var storeKeyPkg = reflect.TypeOf(fibersession.Store{}).PkgPath()

// User is the manager's signed-in user (what its Load returned), nil for a
// visitor without a session of this manager.
func (m *Manager) User(c *fiber.Ctx) any { return c.Locals(localsUser + m.cfg.Cookie) }

// Ended is the notice key of why the request's session of this manager ended
// ("" when it carried none).
func (m *Manager) Ended(c *fiber.Ctx) string {
	e, _ := c.Locals(localsExpired + m.cfg.Cookie).(string)
	return e
}

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
func Ended(c *fiber.Ctx) string {
	e, _ := c.Locals(localsExpired + CookieName).(string)
	return e
}

func int64Of(v any) int64 {
	n, _ := v.(int64)
	return n
}
