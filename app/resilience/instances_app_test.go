package resilience

import (
	"context"
	"log/slog"
	"net"
	"testing"
	"time"

	"github.com/alexedwards/argon2id"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/config"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/mail"
	"github.com/departement06/extranet-assmat/app/web"
)

// instance is one app process as `go run ./app` assembles it (see main.go's
// serve): its pages' pool, its mail queue on a small pool of its own sending
// through SMTP, and its Fiber app on a loopback port.
type instance struct {
	Base   string
	Pool   *pgxpool.Pool
	Queue  *mail.Queue
	Config config.Config
}

// startInstance starts an instance on the database that sends its emails to
// smtpURL. backoff is the queue's wait before a retry (nil: production's, 10 s
// doubling).
func startInstance(t *testing.T, dbURL, smtpURL string, backoff func(int) time.Duration) *instance {
	t.Helper()
	cfg := defaultConfig(t)
	cfg.DatabaseURL, cfg.SMTPURL = dbURL, smtpURL
	return startApp(t, cfg, slog.New(slog.DiscardHandler), backoff)
}

// defaultConfig is the configuration of an empty environment.
func defaultConfig(t *testing.T) config.Config {
	t.Helper()
	cfg, err := config.FromEnv(func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// startApp assembles and serves the app as main.go's serve does, for every
// harness of this package. Everything stops when the test ends: the app, then
// the queue (which finishes the emails being sent), then the pools.
func startApp(t *testing.T, cfg config.Config, log *slog.Logger, backoff func(int) time.Duration) *instance {
	t.Helper()
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	qcfg, err := pgxpool.ParseConfig(cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	qcfg.MaxConns = 4 // as main.go's withPoolSize(dbURL, 4)
	queuePool, err := pgxpool.NewWithConfig(ctx, qcfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(queuePool.Close)
	sender, err := mail.SenderFor(cfg, queuePool, log)
	if err != nil {
		t.Fatal(err)
	}
	queue, err := mail.NewQueue(queuePool, mail.NewRenderer(cfg.BaseURL), sender, mail.QueueOptions{Log: log, Backoff: backoff})
	if err != nil {
		t.Fatal(err)
	}
	if err := queue.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stopCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := queue.Stop(stopCtx); err != nil {
			t.Logf("stopping the mail queue: %v", err)
		}
	})
	app, err := web.New(ctx, web.Deps{Config: cfg, Pool: pool, Log: log, Mail: queue})
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = app.Listener(l) }()
	t.Cleanup(func() {
		if err := app.ShutdownWithTimeout(10 * time.Second); err != nil {
			t.Logf("stopping the app: %v", err)
		}
	})
	return &instance{Base: "http://" + l.Addr().String(), Pool: pool, Queue: queue, Config: cfg}
}

// childminder is an account of the tests.
type childminder struct {
	ID                     int64
	Login, Password, Email string
	Nom, Prenom, DateNaiss string // as the link form asks them
	born                   time.Time
}

// newChildminder adds an active childminder with an email address, and a
// password unless password is "" (she then asks for a link).
func newChildminder(t *testing.T, pool *pgxpool.Pool, login, password string) childminder {
	t.Helper()
	c := childminder{Login: login, Password: password, Email: "assmat." + login + "@example.fr",
		Nom: "RESILIENCE", Prenom: "Bérénice", DateNaiss: "09/04/1982", born: time.Date(1982, 4, 9, 0, 0, 0, 0, time.UTC)}
	var hash *string
	if password != "" {
		// The library's defaults, as app/credentials stores them (see apptest.NewAssmat).
		h, err := argon2id.CreateHash(password, argon2id.DefaultParams)
		if err != nil {
			t.Fatal(err)
		}
		hash = &h
	}
	id, err := db.New(pool).CreateAssmat(context.Background(), db.CreateAssmatParams{
		Login: login, Civilite: "Madame", Nom: c.Nom, Prenom: c.Prenom,
		DateNaissance: c.born, SituationFamiliale: "Mariée",
		Adresse: "5 rue de France", CodePostal: "06000", Commune: "Nice",
		Email: &c.Email, PasswordHash: hash,
	})
	if err != nil {
		t.Fatalf("new childminder %s: %v", login, err)
	}
	c.ID = id
	return c
}
