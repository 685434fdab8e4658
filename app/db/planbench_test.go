package db_test

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// BenchmarkPlanCases runs each statement TestQueryPlans plans, with its
// case's arguments, as the app runs it: prepared once, executed again and
// again (PostgreSQL picks custom or generic plans as it does for the app's
// connections). TestQueryPlans reads plans at S, where PostgreSQL may choose
// differently than at L: page 2 of the messages list had a sane plan at S
// and walked every message of the country at L (300–400 ms). So this runs
// at S by default (loaded here, as the test does) and, with
// PLANCASES_DATABASE_URL, on a database loaded by seed-bench (scale L):
//
//	DATA_DIR=/tmp/var-l2 go run ./app serve   # or any cluster with the L data
//	PLANCASES_DATABASE_URL=postgres://… go test ./app/db -run '^$' -bench PlanCases -benchtime 20x
//
// On a given database everything happens in one transaction rolled back at
// the end: the sessions the cases need, and the cases' own writes
// (archiving, deleting a child, the journal's line of a consultation), are
// undone. ns/op includes a round trip to PostgreSQL.
func BenchmarkPlanCases(b *testing.B) {
	ctx := context.Background()
	statements := generatedStatements(b)
	var pool *pgxpool.Pool
	url := os.Getenv("PLANCASES_DATABASE_URL")
	if url == "" {
		pool = pgtest.Pool(b)
		loadPlanData(b, ctx, pool)
	} else {
		var err error
		if pool, err = pgxpool.New(ctx, url); err != nil {
			b.Fatal(err)
		}
		defer pool.Close()
	}
	conn, err := pool.Acquire(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Release()
	tx, err := conn.Begin(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck // the point: nothing of the run stays
	if url != "" {
		// The sessions the cases read, for the childminder and the agent
		// they pick.
		for _, sql := range []string{
			`INSERT INTO sessions (k, user_id, login_at, seen_at)
			 SELECT sha256(('plancases-' || h.id)::text::bytea), h.id, now(), now() FROM (` + heaviestChildminder + `) h`,
			`INSERT INTO agent_sessions (k, user_id, login_at, seen_at)
			 SELECT sha256(('plancases-a' || id)::text::bytea), id, now(), now() FROM agents WHERE id = (SELECT max(id) FROM agents)`,
		} {
			if _, err := tx.Exec(ctx, sql); err != nil {
				b.Fatal(err)
			}
		}
	}
	d := pickPlanData(b, ctx, tx)
	for _, c := range planCases(d) {
		st, ok := statements[c.query]
		if !ok {
			b.Fatalf("%s: no statement %s", c.name, c.query)
		}
		literals, err := argLiterals(c, st)
		if err != nil {
			b.Fatalf("%s: %v", c.name, err)
		}
		b.Run(c.name, func(b *testing.B) {
			if _, err := tx.Exec(ctx, "PREPARE plancase AS "+st.sql); err != nil {
				b.Fatal(err)
			}
			exec := execute("plancase", literals)
			for b.Loop() {
				rows, err := tx.Query(ctx, exec, pgx.QueryExecModeSimpleProtocol)
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
				}
				if err := rows.Err(); err != nil {
					b.Fatal(err)
				}
			}
			if _, err := tx.Exec(ctx, "DEALLOCATE plancase"); err != nil {
				b.Fatal(err)
			}
		})
	}
}
