// Package web assembles the HTTP application: middleware, routes, error
// handling. Features live in their own packages; this one wires them.
package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/account"
	"github.com/departement06/extranet-assmat/app/agentauth"
	"github.com/departement06/extranet-assmat/app/auth"
	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/boassmats"
	"github.com/departement06/extranet-assmat/app/children"
	"github.com/departement06/extranet-assmat/app/config"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/mail"
	"github.com/departement06/extranet-assmat/app/messages"
	"github.com/departement06/extranet-assmat/app/session"
)

// Deps are what the application needs from outside.
type Deps struct {
	Config config.Config
	Pool   *pgxpool.Pool
	Log    *slog.Logger
	// Now is the clock; tests move it.
	Now func() time.Time
	// Mail enqueues emails (started and stopped by the caller).
	Mail *mail.Queue
}

// bodyLimit bounds every request body: the forms of the extranet are small.
const bodyLimit = 1 << 20

// New builds the application. It reads (or creates once) the CSRF key.
func New(ctx context.Context, d Deps) (*fiber.App, error) {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Log == nil {
		d.Log = slog.Default()
	}
	secret, err := serverSecret(ctx, db.New(d.Pool), d.Config.SecretKey)
	if err != nil {
		return nil, err
	}
	https := d.Config.SecureCookies()
	app := fiber.New(fiber.Config{
		AppName:               "extranet-assmat",
		DisableStartupMessage: true,
		ErrorHandler:          errorHandler(d.Log),
		BodyLimit:             uploadBodyLimit, // the uploads'; every other route: limitBodies
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          30 * time.Second,
		IdleTimeout:           2 * time.Minute,
		// No ProxyHeader: fiber's c.IP() would return X-Forwarded-For's raw
		// text; httpx.ClientAddress reads it the safe way.
		EnableTrustedProxyCheck: len(d.Config.TrustedProxies) > 0,
		TrustedProxies:          d.Config.TrustedProxies,
	})
	sessions := session.New(d.Pool, session.Config{
		Idle: d.Config.SessionIdle, MaxAge: d.Config.SessionMaxAge, Secure: https, Now: d.Now,
	})
	// The back office's agents: sessions of their own (table, cookie, shorter lifetimes).
	agentSessions := backoffice.NewSessions(d.Pool, https, d.Now)

	trusted, err := httpx.ParseTrusted(d.Config.TrustedProxies)
	if err != nil {
		return nil, fmt.Errorf("TRUSTED_PROXIES: %w", err)
	}
	app.Use(httpx.ClientAddress(trusted))
	app.Use(requestID)
	app.Use(accessLog(d.Log))
	app.Use(recover.New())
	app.Use(securityHeaders(https))
	limitBodies(app, agentSessions)
	app.Use(smallBodies)
	app.Use(httpx.SecureCookies(https))
	// Each feature owns its notices' keys and French texts; httpx carries them.
	app.Use(httpx.WithNotices(auth.Notices(d.Config.LinkTTL), account.Notices(), session.Notices(), children.Notices(),
		agentauth.Notices(), messages.Notices(), boassmats.Notices()))
	app.Use(compressPages)
	routes(app, d, sessions, agentSessions, csrf{key: deriveKey(secret, "csrf"), secure: https}, deriveKey(secret, "device"))
	return app, nil
}

// serverSecret is SECRET_KEY, or else a random secret kept in the database,
// so that every instance (and a restart) agrees on the keys derived from it.
func serverSecret(ctx context.Context, q *db.Queries, configured string) ([]byte, error) {
	secret := []byte(configured)
	if configured == "" {
		random := make([]byte, 32)
		if _, err := rand.Read(random); err != nil {
			return nil, err
		}
		// Named "csrf" since it first signed only CSRF tokens.
		stored, err := q.EnsureSecret(ctx, db.EnsureSecretParams{Name: "csrf", Value: random})
		if err != nil {
			return nil, fmt.Errorf("server secret: %w", err)
		}
		secret = stored
	}
	return secret, nil
}

// deriveKey is the key of one use of the server secret: a key leaked from one
// use (CSRF tokens, trusted-device cookies) tells nothing of another's.
func deriveKey(secret []byte, purpose string) []byte {
	sum := sha256.Sum256(append([]byte(purpose+":"), secret...))
	return sum[:]
}
