package loadtest

import (
	"context"
	"log/slog"
	"net"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/config"
	"github.com/departement06/extranet-assmat/app/mail"
	"github.com/departement06/extranet-assmat/app/web"
)

// counter is a pgx tracer counting round trips (a query, or a batch) and
// the writing statements among them, as app/apptest's does for tests.
type counter struct{ trips, writes atomic.Int64 }

func (n *counter) Trips() int64  { return n.trips.Load() }
func (n *counter) Writes() int64 { return n.writes.Load() }

func (n *counter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	// The session store's clean-up runs every minute whatever the load: no request's cost.
	if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(d.SQL)), "DELETE FROM SESSIONS WHERE E <=") {
		return ctx
	}
	n.trips.Add(1)
	n.countWrite(d.SQL)
	return ctx
}

func (n *counter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

func (n *counter) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	n.trips.Add(1)
	return ctx
}

func (n *counter) TraceBatchQuery(_ context.Context, _ *pgx.Conn, d pgx.TraceBatchQueryData) {
	n.countWrite(d.SQL)
}

func (n *counter) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

// countWrite counts a statement that writes, WITH … INSERT/UPDATE/DELETE too.
func (n *counter) countWrite(sql string) {
	var lines []string
	for _, l := range strings.Split(sql, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "--") {
			lines = append(lines, l)
		}
	}
	s := strings.ToUpper(strings.TrimSpace(strings.Join(lines, "\n")))
	for _, w := range []string{"INSERT", "UPDATE", "DELETE", "TRUNCATE", "MERGE"} {
		if strings.HasPrefix(s, w) || (strings.HasPrefix(s, "WITH") && strings.Contains(s, w+" ")) {
			n.writes.Add(1)
			return
		}
	}
}

// startApp runs the extranet in this process, as `go run ./app` serves it
// (its pool, its mail queue on a pool of its own, its access log to log),
// with a counter on the pages' pool; it listens on a loopback port.
func startApp(ctx context.Context, cfg config.Config, dbURL string, log *slog.Logger) (base string, pool *pgxpool.Pool, n *counter, stop func(), err error) {
	var stops []func()
	stop = func() {
		for i := len(stops) - 1; i >= 0; i-- {
			stops[i]()
		}
	}
	defer func() {
		if err != nil {
			stop()
		}
	}()
	n = &counter{}
	pcfg, err := pgxpool.ParseConfig(dbURL)
	if err != nil {
		return "", nil, nil, nil, err
	}
	pcfg.ConnConfig.Tracer = n
	if pool, err = pgxpool.NewWithConfig(ctx, pcfg); err != nil {
		return "", nil, nil, nil, err
	}
	stops = append(stops, pool.Close)
	qcfg, err := pgxpool.ParseConfig(dbURL)
	if err != nil {
		return "", nil, nil, nil, err
	}
	qcfg.MaxConns = 4
	queuePool, err := pgxpool.NewWithConfig(ctx, qcfg)
	if err != nil {
		return "", nil, nil, nil, err
	}
	stops = append(stops, queuePool.Close)
	sender, err := mail.SenderFor(cfg, queuePool, log)
	if err != nil {
		return "", nil, nil, nil, err
	}
	queue, err := mail.NewQueue(queuePool, mail.NewRenderer(cfg.BaseURL), sender, mail.QueueOptions{Log: log})
	if err != nil {
		return "", nil, nil, nil, err
	}
	if err := queue.Start(context.WithoutCancel(ctx)); err != nil {
		return "", nil, nil, nil, err
	}
	stops = append(stops, func() {
		c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = queue.Stop(c)
	})
	app, err := web.New(ctx, web.Deps{Config: cfg, Pool: pool, Log: log, Mail: queue})
	if err != nil {
		return "", nil, nil, nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, nil, nil, err
	}
	go func() { _ = app.Listener(l) }()
	stops = append(stops, func() { _ = app.ShutdownWithTimeout(10 * time.Second) })
	return "http://" + l.Addr().String(), pool, n, stop, nil
}
