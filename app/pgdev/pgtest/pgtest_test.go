package pgtest

import (
	"context"
	"os"
	"testing"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// Each test gets its own migrated database: a write in one is not seen by another.
func TestDatabasesAreMigratedAndIsolated(t *testing.T) {
	ctx := context.Background()
	a, b := Pool(t), Pool(t)
	if _, err := a.Exec(ctx, `INSERT INTO documents (title) VALUES ('seulement dans a')`); err != nil {
		t.Fatalf("insert into a: %v", err)
	}
	var n int
	if err := b.QueryRow(ctx, `SELECT count(*) FROM documents`).Scan(&n); err != nil {
		t.Fatalf("count in b: %v", err)
	}
	if n != 0 {
		t.Fatalf("database b sees %d documents written in a", n)
	}
}
