package dbbatch_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/agrement"
	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/dbbatch"
	"github.com/departement06/extranet-assmat/app/demo"
	"github.com/departement06/extranet-assmat/app/documents"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// countedPool is a pool on a fresh database with the demo data, and the count
// of its round trips.
func countedPool(t *testing.T) (*pgxpool.Pool, *apptest.Counter) {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	trips := &apptest.Counter{}
	cfg.ConnConfig.Tracer = trips
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	if _, err := demo.Load(context.Background(), pool); err != nil {
		t.Fatal(err)
	}
	return pool, trips
}

// The dashboard's agrément and documents sections, and a :one query, read in
// a single round trip, with the same results as read one by one.
func TestSectionsReadInOneRoundTrip(t *testing.T) {
	ctx := context.Background()
	pool, trips := countedPool(t)
	var gertrude int64
	if err := pool.QueryRow(ctx, `SELECT id FROM assmats WHERE login = '100001'`).Scan(&gertrude); err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)

	trips.Reset()
	b := &pgx.Batch{}
	agr := agrement.QueueDashboard(b, gertrude, today)
	docs := documents.QueueDashboard(b)
	login := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) (string, error) {
		row, err := q.GetAssmatByLogin(ctx, "100002")
		return row.Login, err
	})
	if err := pool.SendBatch(ctx, b).Close(); err != nil {
		t.Fatal(err)
	}
	if n := trips.Trips(); n != 1 {
		t.Errorf("%d round trips, want 1", n)
	}
	a, err := agr()
	if err != nil || len(a.Agrements) != 1 || a.Agrements[0].Numero != "AGR-06-2019-100001" || a.Agrements[0].MamName == "" {
		t.Errorf("agrément section: %+v, %v", a, err)
	}
	d, err := docs()
	rows, err2 := db.New(pool).ListDocuments(ctx)
	if err != nil || err2 != nil || len(d.Documents) != len(rows) || len(rows) < 2 || d.Documents[0].Title != rows[0].Title ||
		d.Documents[0].FileSize == "" {
		t.Errorf("documents section: %+v (%v), want the %d rows in order (%v)", d, err, len(rows), err2)
	}
	if l, err := login(); err != nil || l != "100002" {
		t.Errorf("a :one query: %q, %v", l, err)
	}
}

// A read's own error comes back through its result; a read that is not one
// query, or a batch never sent, is an error rather than an empty result.
func TestErrorsAreNotEmptyResults(t *testing.T) {
	ctx := context.Background()
	pool, _ := countedPool(t)
	b := &pgx.Batch{}
	missing := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) (string, error) {
		row, err := q.GetAssmatByLogin(ctx, "999999")
		return row.Login, err
	})
	two := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) (int, error) {
		a, err := q.ListDocuments(ctx)
		if err != nil {
			return 0, err
		}
		c, err := q.ListDocuments(ctx)
		return len(a) + len(c), err
	})
	if _, err := two(); err == nil {
		t.Error("two queries in one read: no error")
	}
	if _, err := missing(); err == nil {
		t.Error("before the batch was sent: no error")
	}
	if err := pool.SendBatch(ctx, b).Close(); !errors.Is(err, pgx.ErrNoRows) {
		t.Errorf("batch: %v, want the read's ErrNoRows", err)
	}
	if _, err := missing(); !errors.Is(err, pgx.ErrNoRows) {
		t.Errorf("missing row: %v, want ErrNoRows", err)
	}
}
