// Package pgtest gives each test a fresh PostgreSQL database, cloned from a
// template that was migrated once per test binary. The server is a private
// cluster started on first use (see pgdev), or the one at TEST_DATABASE_URL.
//
// A package using it declares:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/migrate"
	"github.com/departement06/extranet-assmat/app/pgdev"
)

const templateName = "extranet_template"

var (
	once      sync.Once
	setupErr  error
	cluster   *pgdev.Cluster
	clusterTo string // temporary directory of our own cluster
	adminURL  string
	cloneMu   sync.Mutex
	counter   atomic.Int64
)

// Main runs the tests, then stops the cluster if one was started.
func Main(m *testing.M) int {
	code := m.Run()
	Stop()
	return code
}

// Stop stops the cluster if one was started; for a TestMain that does more than Main.
func Stop() {
	if cluster != nil {
		_ = cluster.Stop()
		_ = os.RemoveAll(clusterTo)
		cluster = nil
	}
}

func setup() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	adminURL = os.Getenv("TEST_DATABASE_URL")
	if adminURL == "" {
		dir, err := os.MkdirTemp("", "extranet-pgtest-")
		if err != nil {
			setupErr = err
			return
		}
		clusterTo = dir
		cluster, err = pgdev.Start(ctx, pgdev.Options{Dir: dir, Fast: true})
		if err != nil {
			setupErr = err
			return
		}
		adminURL = cluster.URL
	}
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		setupErr = err
		return
	}
	defer conn.Close(ctx)
	// A template from an earlier run against an external server may be stale.
	if _, err = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+templateName+" WITH (FORCE)"); err != nil {
		setupErr = err
		return
	}
	if _, err = conn.Exec(ctx, "CREATE DATABASE "+templateName); err != nil {
		setupErr = err
		return
	}
	if _, err = migrate.Up(ctx, withDatabase(adminURL, templateName)); err != nil {
		setupErr = err
	}
}

// URL creates a fresh, migrated database for the test and returns its URL.
func URL(t testing.TB) string {
	t.Helper()
	once.Do(setup)
	if setupErr != nil {
		t.Fatalf("test database: %v", setupErr)
	}
	name := fmt.Sprintf("t_%d_%d", os.Getpid(), counter.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		t.Fatalf("test database: %v", err)
	}
	defer conn.Close(ctx)
	cloneMu.Lock()
	_, err = conn.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE "+templateName+" STRATEGY FILE_COPY")
	cloneMu.Unlock()
	if err != nil {
		t.Fatalf("test database: %v", err)
	}
	return withDatabase(adminURL, name)
}

// Pool returns a pool on a fresh database, closed when the test ends.
func Pool(t testing.TB) *pgxpool.Pool {
	t.Helper()
	pool, err := pgxpool.New(context.Background(), URL(t))
	if err != nil {
		t.Fatalf("test database: %v", err)
	}
	t.Cleanup(pool.Close)
	return pool
}

func withDatabase(raw, name string) string {
	u, err := url.Parse(raw)
	if err != nil {
		panic(err)
	}
	u.Path = "/" + name
	return u.String()
}
