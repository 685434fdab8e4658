package messages_test

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// lastQuery records the SQL and arguments of the queries a pool runs.
type lastQuery struct {
	mu   sync.Mutex
	sql  string
	args []any
}

func (l *lastQuery) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	l.mu.Lock()
	l.sql, l.args = d.SQL, d.Args
	l.mu.Unlock()
	return ctx
}
func (l *lastQuery) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// The search's query, exactly as the list runs it, is served by the trigram
// index of the general messages, messages_general_text_idx (migration
// 0007, on the text folded when written; her personal ones are read by her id), not by a scan of the messages
// table nor by walking every general message: over 20,000 messages (a few
// years of the département's), the planner picks the index for a
// selective search, which it could not do if the query's expression and
// the index's disagreed.
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
	q := db.New(pool)
	for _, s := range []string{"attention regardez la météo", "Fermeture de l'école", "Formation continue"} {
		if _, err := q.CreateMessage(ctx, db.CreateMessageParams{SenderService: "S", Subject: s, Body: "Texte du message"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := pool.Exec(ctx, `INSERT INTO messages (sender_service, subject, body, created_at)
		SELECT 'Service des modes d''accueil', 'Information n°' || i,
		       -- A body of a real message's length (a few paragraphs): the
		       -- planner weighs reading the table against the index.
		       repeat('Texte de l''information numéro ' || i || ' pour les assistants maternels du département. ', 8),
		       now() - i * interval '1 hour'
		FROM generate_series(1, 20000) i`); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `ANALYZE messages`); err != nil {
		t.Fatal(err)
	}
	rows, err := q.SearchMessages(ctx, db.SearchMessagesParams{AssmatID: 1, Pattern: "meteo", Sort: "date", Descending: true,
		GeneralLabel: "Tous", RowLimit: 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Subject != "attention regardez la météo" {
		t.Fatalf("search meteo: %+v", rows)
	}
	rec.mu.Lock()
	sql, args := rec.sql, rec.args
	rec.mu.Unlock()
	if !strings.Contains(sql, "m.search_text LIKE") {
		t.Fatalf("the recorded query is not the search: %s", sql)
	}
	for _, mode := range []string{"auto", "force_generic_plan"} {
		explain(t, pool, mode, sql, args)
	}
}

// explain checks the plan of the search in one plan-cache mode: pgx
// prepares its statements, and PostgreSQL may switch a prepared statement
// to a generic plan (the pattern unknown) after five runs: the index must
// serve that plan too.
func explain(t *testing.T, pool *pgxpool.Pool, mode, sql string, args []any) {
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
	if _, err := tx.Exec(ctx, "SET LOCAL plan_cache_mode = "+mode); err != nil {
		t.Fatal(err)
	}
	// A statement prepared in SQL: its plan is generic when the mode says so.
	if _, err := tx.Exec(ctx, "PREPARE search_"+mode+" AS "+sql); err != nil {
		t.Fatal(err)
	}
	literals := make([]string, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string:
			literals[i] = "'" + strings.ReplaceAll(v, "'", "''") + "'"
		case bool:
			literals[i] = strconv.FormatBool(v)
		case int32:
			literals[i] = strconv.FormatInt(int64(v), 10)
		case int64:
			literals[i] = strconv.FormatInt(v, 10)
		default:
			t.Fatalf("argument %d of type %T", i+1, a)
		}
	}
	plan, err := tx.Query(ctx, "EXPLAIN EXECUTE search_"+mode+"("+strings.Join(literals, ", ")+")")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for plan.Next() {
		var line string
		if err := plan.Scan(&line); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, line)
	}
	if err := plan.Err(); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(lines, "\n")
	if !strings.Contains(text, "messages_general_text_idx") || strings.Contains(text, "Seq Scan on messages") {
		t.Errorf("%s: the search is not served by messages_general_text_idx:\n%s", mode, text)
	}
	t.Logf("plan (%s):\n%s", mode, text)
}
