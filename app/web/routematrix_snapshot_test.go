package web_test

import (
	"context"
	"slices"
	"strings"
)

// matrixNotSnapshotted are left out of the snapshot: no request writes them,
// the mail queue (River) keeps them on its own timers — the elected leader
// renews its lease every 5 s, each queue reports that it is alive every 10
// min. Every other table of the schema is in the snapshot, river_job (an
// email enqueued), sessions and login_throttle included: a refused request
// must not send an email, open, extend or end a session, nor count as an
// attempt.
var matrixNotSnapshotted = []string{"river_leader", "river_queue"}

// applicationTables lists the tables of the application's schema.
func (fx *matrixFixture) applicationTables() []string {
	fx.t.Helper()
	rows, err := fx.env.Pool.Query(context.Background(), `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`)
	if err != nil {
		fx.t.Fatal(err)
	}
	defer rows.Close()
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			fx.t.Fatal(err)
		}
		if !slices.Contains(matrixNotSnapshotted, name) {
			tables = append(tables, name)
		}
	}
	if err := rows.Err(); err != nil {
		fx.t.Fatal(err)
	}
	for _, must := range []string{"assmats", "children", "sessions", "login_throttle", "account_tokens", "river_job"} {
		if !slices.Contains(tables, must) {
			fx.t.Fatalf("the snapshot lacks table %s (tables: %v)", must, tables)
		}
	}
	return tables
}

// snapshot is a hash of every row of every table, by table, in one round trip.
func (fx *matrixFixture) snapshot() map[string]string {
	fx.t.Helper()
	parts := make([]string, len(fx.tables))
	for i, name := range fx.tables {
		ident := `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
		parts[i] = `SELECT '` + strings.ReplaceAll(name, `'`, `''`) + `', md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) FROM ` + ident + ` t`
	}
	rows, err := fx.env.Pool.Query(context.Background(), strings.Join(parts, " UNION ALL "))
	if err != nil {
		fx.t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, sum string
		if err := rows.Scan(&name, &sum); err != nil {
			fx.t.Fatal(err)
		}
		out[name] = sum
	}
	if err := rows.Err(); err != nil {
		fx.t.Fatal(err)
	}
	return out
}

// matrixChanged names the tables whose rows differ, sorted.
func matrixChanged(before, after map[string]string) []string {
	var out []string
	for name, sum := range before {
		if after[name] != sum {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}
