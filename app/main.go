// Command app is the extranet of the Alpes-Maritimes' childminders.
//
//	go run ./app           serve (on a private PostgreSQL under ./var when DATABASE_URL is unset)
//	go run ./app migrate   apply the migrations to DATABASE_URL and exit
//	go run ./app agent create EMAIL "Prénom NOM"   create a back-office agent, print her password link
//	go run ./app import [--dry-run] FILE.csv   import a Genesis export of childminders and agréments
//	go run ./app seed-bench --scale S|L   load benchmark data (one département, or national)
//	go run ./app loadtest   replay a realistic load against a running app (see README "Performance")
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // "today" is a Paris date, even on a machine without a zone database

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/agentauth"
	"github.com/departement06/extranet-assmat/app/benchdata"
	"github.com/departement06/extranet-assmat/app/config"
	"github.com/departement06/extranet-assmat/app/demo"
	"github.com/departement06/extranet-assmat/app/genesis"
	"github.com/departement06/extranet-assmat/app/loadtest"
	"github.com/departement06/extranet-assmat/app/logbuf"
	"github.com/departement06/extranet-assmat/app/mail"
	"github.com/departement06/extranet-assmat/app/migrate"
	"github.com/departement06/extranet-assmat/app/pgdev"
	"github.com/departement06/extranet-assmat/app/web"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "extranet:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	cfg, err := config.FromEnv(os.Getenv)
	if err != nil {
		return err
	}
	var level slog.Level
	// Lines are written in batches: a request never waits for the terminal.
	out := logbuf.New(os.Stderr)
	defer out.Close()
	var handler slog.Handler = slog.NewTextHandler(out, &slog.HandlerOptions{Level: level})
	if cfg.Production {
		handler = slog.NewJSONHandler(out, nil)
	}
	log := slog.New(handler)
	slog.SetDefault(log)

	cmd := ""
	if len(args) > 0 {
		cmd = args[0]
	}
	switch cmd {
	case "", "serve":
		return serve(ctx, cfg, log)
	case "migrate":
		if cfg.DatabaseURL == "" {
			return errors.New("migrate needs DATABASE_URL")
		}
		applied, err := migrate.Up(ctx, cfg.DatabaseURL)
		if err != nil {
			return err
		}
		fmt.Printf("%d migration(s) applied %v\n", len(applied), applied)
		return nil
	case "seed-bench":
		d, err := openDatabase(ctx, cfg, log)
		if err != nil {
			return err
		}
		defer d.Close()
		return benchdata.Main(ctx, d.Pool, args[1:], os.Stdout)
	case "loadtest":
		return loadtest.Main(ctx, cfg, args[1:], os.Stdout, func() (string, func(), error) {
			d, err := openDatabase(ctx, cfg, log)
			if err != nil {
				return "", nil, err
			}
			return d.URL, d.Close, nil
		})
	case "agent":
		// go run ./app agent create EMAIL "Prénom NOM": see app/agentauth.
		d, err := openDatabase(ctx, cfg, log)
		if err != nil {
			return err
		}
		defer d.Close()
		return agentauth.Command(ctx, d.Pool, args[1:], os.Stdout, cfg.BaseURL, cfg.LinkTTL)
	case "import":
		// go run ./app import [--dry-run] FILE.csv: see app/genesis.
		d, err := openDatabase(ctx, cfg, log)
		if err != nil {
			return err
		}
		defer d.Close()
		return genesis.Command(ctx, d.Pool, args[1:], os.Stdout)
	default:
		return fmt.Errorf("unknown command %q (commands: serve, migrate, agent, import, seed-bench, loadtest)", cmd)
	}
}

// database is the app's database, migrated and with its demo data when it is
// the embedded default (or LOAD_DEMO_DATA=1): what every command that needs
// the database starts from. close stops the pool, then the private cluster.
type database struct {
	URL      string
	Pool     *pgxpool.Pool
	Embedded bool
	close    []func()
}

// Close releases the pool, then stops the private cluster if there is one.
func (d *database) Close() {
	for i := len(d.close) - 1; i >= 0; i-- {
		d.close[i]()
	}
}

// openDatabase opens DATABASE_URL, or starts the private cluster of the
// embedded default, applies the migrations, and loads the demo data.
func openDatabase(ctx context.Context, cfg config.Config, log *slog.Logger) (*database, error) {
	d := &database{URL: cfg.DatabaseURL, Embedded: cfg.DatabaseURL == ""}
	if d.Embedded {
		cluster, err := pgdev.Start(ctx, pgdev.Options{
			Dir: filepath.Join(cfg.DataDir, "postgres"),
			Log: func(f string, a ...any) { log.Info(fmt.Sprintf(f, a...)) },
		})
		if err != nil {
			return nil, err
		}
		d.close = append(d.close, func() {
			if err := cluster.Stop(); err != nil {
				log.Error("stopping PostgreSQL", "err", err)
			} else {
				log.Info("PostgreSQL stopped")
			}
		})
		if d.URL, err = ensureDatabase(ctx, cluster.URL, "extranet"); err != nil {
			d.Close()
			return nil, err
		}
	}
	applied, err := migrate.Up(ctx, d.URL)
	if err != nil {
		d.Close()
		return nil, err
	}
	if len(applied) > 0 {
		log.Info("migrations applied", "files", applied)
	}
	if d.Pool, err = pgxpool.New(ctx, d.URL); err != nil {
		d.Close()
		return nil, err
	}
	d.close = append(d.close, d.Pool.Close)
	if d.Embedded || os.Getenv("LOAD_DEMO_DATA") == "1" {
		loaded, err := demo.Load(ctx, d.Pool)
		if err != nil {
			d.Close()
			return nil, fmt.Errorf("demo data: %w", err)
		}
		if loaded {
			log.Info("demo data loaded")
		}
	}
	return d, nil
}

func serve(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	d, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer d.Close()
	dbURL, pool, embedded := d.URL, d.Pool, d.Embedded
	// The mail queue polls and works in the background on a small pool of its
	// own, so that it never takes the connections pages need.
	queuePool, err := pgxpool.New(ctx, withPoolSize(dbURL, 4))
	if err != nil {
		return err
	}
	defer queuePool.Close()
	sender, err := mail.SenderFor(cfg, queuePool, log)
	if err != nil {
		return err
	}
	queue, err := mail.NewQueue(queuePool, mail.NewRenderer(cfg.BaseURL), sender, mail.QueueOptions{Log: log})
	if err != nil {
		return err
	}
	// The queue outlives ctx (cancelled by Ctrl-C) so that it can finish the
	// emails in progress when it is stopped below.
	if err := queue.Start(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	defer func() {
		stopCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := queue.Stop(stopCtx); err != nil {
			log.Error("stopping the mail queue", "err", err)
		}
	}()
	app, err := web.New(ctx, web.Deps{Config: cfg, Pool: pool, Log: log, Mail: queue})
	if err != nil {
		return err
	}
	listenErr := make(chan error, 1)
	go func() { listenErr <- app.Listen(cfg.ListenAddr) }()
	select {
	case err := <-listenErr:
		return fmt.Errorf("listen on %s: %w", cfg.ListenAddr, err)
	case <-time.After(200 * time.Millisecond):
	}
	printBanner(cfg, embedded)
	select {
	case <-ctx.Done():
	case err := <-listenErr:
		return err
	}
	log.Info("shutting down")
	return app.ShutdownWithTimeout(10 * time.Second)
}

// withPoolSize sets pgxpool's pool_max_conns on a database URL.
func withPoolSize(dbURL string, n int) string {
	u, err := url.Parse(dbURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return dbURL // a key=value DSN: keep pgx's default size
	}
	q := u.Query()
	q.Set("pool_max_conns", fmt.Sprint(n))
	u.RawQuery = q.Encode()
	return u.String()
}

// ensureDatabase creates the app's database in the private cluster once.
func ensureDatabase(ctx context.Context, adminURL, name string) (string, error) {
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return "", err
	}
	if !exists {
		if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
			return "", err
		}
	}
	u, err := url.Parse(adminURL)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	return u.String(), nil
}

func printBanner(cfg config.Config, embedded bool) {
	var b strings.Builder
	fmt.Fprintf(&b, "\nExtranet Assistants Maternels: %s\n", cfg.BaseURL)
	if embedded {
		fmt.Fprintf(&b, "Private PostgreSQL under %s (stops with the app).\nDemo logins:\n", filepath.Join(cfg.DataDir, "postgres"))
		for _, l := range demo.Logins {
			pw := l.Password
			if pw == "" {
				pw = "(no password yet)"
			}
			fmt.Fprintf(&b, "  %-8s %-14s %s\n", l.Identifiant, pw, l.What)
		}
		fmt.Fprintf(&b, "Back office (%s/back-office): %s / %s\n", cfg.BaseURL, demo.AgentLogin.Identifiant, demo.AgentLogin.Password)
	}
	if cfg.DevMailbox() {
		fmt.Fprintf(&b, "No SMTP_URL: emails are kept at %s/dev/courriels (and their links logged).\n", cfg.BaseURL)
	}
	if host, port, err := net.SplitHostPort(cfg.ListenAddr); err == nil {
		if ip := net.ParseIP(host); host == "localhost" || (ip != nil && ip.IsLoopback()) {
			fmt.Fprintf(&b, "Listening on %s: this computer only (LISTEN_ADDR=:%s opens it to the network).\n", cfg.ListenAddr, port)
		} else {
			fmt.Fprintf(&b, "Listening on %s.\n", cfg.ListenAddr)
		}
	}
	fmt.Fprintln(&b, "Stop with Ctrl-C.")
	fmt.Print(b.String())
}
