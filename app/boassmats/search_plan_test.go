package boassmats_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// The search's query, as the page runs it, is served by the trigram index
// assmats_search_text_idx (migration 0010), never by a scan of assmats: over a
// few thousand generated childminders, with sequential scans priced out
// (enable_seqscan off: a small table would otherwise be scanned, which says
// nothing of 230,000), in both plan-cache modes — pgx prepares its
// statements, and a prepared statement may switch to a generic plan.
func TestSearchUsesTheTrigramIndex(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cfg, err := pgxpool.ParseConfig(pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	rec := &lastQuery{}
	cfg.ConnConfig.Tracer = rec
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	if _, err := pool.Exec(ctx, `INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, commune)
		SELECT 'B' || lpad(i::text, 6, '0'), 'Madame', 'NOM' || i, 'Prénom' || i, '1980-01-01',
		       (ARRAY['Nice', 'Antibes', 'Grasse', 'Cannes', 'La Colle-sur-Loup', 'Saint-Étienne-de-Tinée'])[1 + i % 6]
		FROM generate_series(1, 5000) i`); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `ANALYZE assmats`); err != nil {
		t.Fatal(err)
	}
	rows, err := db.New(pool).BoSearchAssmats(ctx, db.BoSearchAssmatsParams{Pattern: "etienne-de", RowLimit: 20, MaxMatches: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 20 || rows[0].Total != 833 || rows[0].Commune != "Saint-Étienne-de-Tinée" {
		t.Fatalf("the search itself: %d rows (%+v)", len(rows), rows)
	}
	rec.mu.Lock()
	sql := rec.sql
	rec.mu.Unlock()
	if !strings.Contains(sql, "a.search_text LIKE") {
		t.Fatalf("the query is not the index's expression: %s", sql)
	}
	for _, mode := range []string{"auto", "force_generic_plan"} {
		plan := explain(t, pool, mode, sql, "", literal("etienne"), "201", "0", "20")
		if !strings.Contains(plan, "assmats_search_text_idx") || strings.Contains(plan, "Seq Scan") {
			t.Errorf("%s: the search is not served by assmats_search_text_idx:\n%s", mode, plan)
		}
		t.Logf("plan (%s):\n%s", mode, plan)
	}
	// Past the bound, the names, first names or communes that start with the
	// pattern tell it through their btree (migration 0018), stopping at the
	// bound, and the trigram index is not read.
	for _, c := range []struct{ typed, index string }{
		{"nom1", "assmats_name_start_idx"},      // NOM1, NOM10…: 1,111
		{"prénom2", "assmats_prenom_start_idx"}, // 1,111
		{"cannes", "assmats_commune_start_idx"}, // 833
	} {
		rows, err := db.New(pool).BoSearchAssmats(ctx, db.BoSearchAssmatsParams{Pattern: c.typed, RowLimit: 20, MaxMatches: 201})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 || rows[0].Total < 201 || rows[0].Login != "" {
			t.Fatalf("%q: want the one row that says more than 200, got %+v", c.typed, rows)
		}
		for _, mode := range []string{"force_custom_plan", "force_generic_plan"} {
			plan := explain(t, pool, mode, sql, "ANALYZE, ", literal(c.typed), "201", "0", "20")
			if !regexp.MustCompile(`(Index Only Scan using|Index Scan using|Bitmap Index Scan on) `+c.index+` [^\n]*actual time=`).MatchString(plan) ||
				!regexp.MustCompile(`Bitmap Index Scan on assmats_search_text_idx.*never executed`).MatchString(plan) ||
				strings.Contains(plan, "Seq Scan") {
				t.Errorf("%q, %s: not told by %s alone:\n%s", c.typed, mode, c.index, plan)
			}
		}
	}
	// A pattern that passes form.Indexable but folds to no letter or digit
	// ("ʼ" is a modifier letter, folded to an apostrophe) finds no one and
	// reads nothing, in this search and in the message recipient's: the
	// one-time filter stops the statement before the index is read
	// (EXPLAIN ANALYZE: "never executed").
	q := db.New(pool)
	for _, typed := range []string{"ʼʼʼ", "ːːː"} {
		rows, err := q.BoSearchAssmats(ctx, db.BoSearchAssmatsParams{Pattern: typed, RowLimit: 20, MaxMatches: 201})
		if err != nil || len(rows) != 0 {
			t.Fatalf("%q: %d rows, %v", typed, len(rows), err)
		}
		recipients, err := q.BOSearchRecipients(ctx, db.BOSearchRecipientsParams{Pattern: typed, MaxMatches: 200, MaxRows: 21})
		if err != nil || len(recipients) != 0 {
			t.Fatalf("%q, recipients: %d rows, %v", typed, len(recipients), err)
		}
		rec.mu.Lock()
		recipientsSQL := rec.sql
		rec.mu.Unlock()
		for _, mode := range []string{"force_custom_plan", "force_generic_plan"} {
			for _, plan := range []string{
				explain(t, pool, mode, sql, "ANALYZE, ", literal(typed), "201", "0", "20"),
				explain(t, pool, mode, recipientsSQL, "ANALYZE, ", "21", literal(typed), "200"),
			} {
				if !strings.Contains(plan, "One-Time Filter") || !regexp.MustCompile(`Bitmap Index Scan on assmats_search_text_idx.*never executed`).MatchString(plan) {
					t.Errorf("%q, %s: the index is read:\n%s", typed, mode, plan)
				}
			}
		}
	}
}

// literal is s as an SQL string literal.
func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// lastQuery records the SQL of the last query a pool runs.
type lastQuery struct {
	mu  sync.Mutex
	sql string
}

func (l *lastQuery) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	l.mu.Lock()
	l.sql = d.SQL
	l.mu.Unlock()
	return ctx
}
func (l *lastQuery) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// explained numbers explain's prepared statements.
var explained atomic.Int64

// explain is the plan of a statement for its arguments (SQL literals),
// prepared in SQL in that plan-cache mode, with sequential scans priced out;
// options are EXPLAIN's besides the format ("ANALYZE, ").
func explain(t *testing.T, pool *pgxpool.Pool, mode, sql, options string, args ...string) string {
	t.Helper()
	ctx := context.Background()
	tx, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := tx.Rollback(ctx); err != nil {
			t.Errorf("rollback: %v", err)
		}
	}()
	// A prepared statement outlives the transaction: each call names its own.
	name := fmt.Sprintf("search_%d", explained.Add(1))
	for _, set := range []string{"SET LOCAL enable_seqscan = off", "SET LOCAL plan_cache_mode = " + mode, "PREPARE " + name + " AS " + sql} {
		if _, err := tx.Exec(ctx, set); err != nil {
			t.Fatalf("%s: %v", set, err)
		}
	}
	rows, err := tx.Query(ctx, "EXPLAIN ("+options+"FORMAT TEXT) EXECUTE "+name+"("+strings.Join(args, ", ")+")")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, line)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(lines, "\n")
}
