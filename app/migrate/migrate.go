// Package migrate applies the embedded SQL migrations of schema/ with goose.
package migrate

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"

	"github.com/departement06/extranet-assmat/schema"
)

// Up applies every pending migration to the database at url and returns the
// names of those it applied.
func Up(ctx context.Context, url string) ([]string, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	provider, err := goose.NewProvider(goose.DialectPostgres, db, schema.FS)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	results, err := provider.Up(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	applied := make([]string, 0, len(results))
	for _, r := range results {
		applied = append(applied, r.Source.Path)
	}
	return applied, nil
}

// the pgx database/sql driver registers itself as "pgx".
var _ = stdlib.GetDefaultDriver
