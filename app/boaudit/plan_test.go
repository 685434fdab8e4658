package boaudit_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// recorder keeps the SQL and arguments of the last query a pool runs.
type recorder struct {
	mu   sync.Mutex
	sql  string
	args []any
}

func (r *recorder) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	r.mu.Lock()
	r.sql, r.args = d.SQL, d.Args
	r.mu.Unlock()
	return ctx
}
func (r *recorder) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// The log's page, exactly as the handler runs it, walks the index of its
// filter (migration 0004) over 60,000 lines instead of sorting the log: a
// rarely seen agent's lines through audit_log_agent_idx, a rare action's
// through audit_log_action_idx, the unfiltered log audit_log_created_idx.
// (A frequent agent or action is found as fast by walking the dates.)
func TestAuditPageUsesTheIndexes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cfg, err := pgxpool.ParseConfig(pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	cfg.ConnConfig.Tracer = rec
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	for _, sql := range []string{
		`INSERT INTO agents (email, login, nom, prenom) SELECT 'a' || i || '@d.fr', 'a' || i || '@d.fr', 'N', 'P' FROM generate_series(1, 20) i`,
		`INSERT INTO audit_log (agent_id, action, target, created_at)
		 SELECT CASE WHEN i % 200 = 0 THEN 7 ELSE 1 + i % 5 END,
		        CASE WHEN i % 200 = 1 THEN 'compte-debloque' ELSE (ARRAY['connexion','fiche-consultee','message-envoye'])[1 + i % 3] END,
		        'assmat:' || i, now() - i * interval '1 minute'
		 FROM generate_series(1, 60000) i`,
		`ANALYZE audit_log`, `ANALYZE agents`,
	} {
		if _, err := pool.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	action := "compte-debloque"
	for _, c := range []struct {
		params db.BOListAuditParams
		index  string
	}{
		{db.BOListAuditParams{AgentID: pgtype.Int8{Int64: 7, Valid: true}, MaxRows: 51}, "audit_log_agent_idx"},
		{db.BOListAuditParams{Action: &action, MaxRows: 51}, "audit_log_action_idx"},
		{db.BOListAuditParams{MaxRows: 51}, "audit_log_created_idx"},
	} {
		rows, err := db.New(pool).BOListAudit(ctx, c.params)
		if err != nil || len(rows) != 51 {
			t.Fatalf("%s: %d rows, %v", c.index, len(rows), err)
		}
		rec.mu.Lock()
		sql, args := rec.sql, rec.args
		rec.mu.Unlock()
		var plan strings.Builder
		lines, err := pool.Query(ctx, "EXPLAIN "+sql, args...)
		if err != nil {
			t.Fatal(err)
		}
		for lines.Next() {
			var s string
			if err := lines.Scan(&s); err != nil {
				t.Fatal(err)
			}
			plan.WriteString(s + "\n")
		}
		if err := lines.Err(); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(plan.String(), c.index) || strings.Contains(plan.String(), "Seq Scan on audit_log") {
			t.Errorf("the page's plan does not use %s:\n%s", c.index, plan.String())
		}
	}
}
