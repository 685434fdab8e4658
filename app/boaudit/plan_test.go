package boaudit_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/boaudit"
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

// The log's page, exactly as the handler picks and runs it, reads the
// index of its filters (migration 0015) over 60,000 lines: a rarely seen
// agent's lines through audit_log_agent_idx, a rare action's through
// audit_log_action_idx, both through audit_log_agent_action_idx, the
// unfiltered log and a date range through audit_log_created_idx; never a
// walk of the dates that filters. (A few matches may be sorted: a rare
// action in a week is read by a bitmap of the same index.) Both plans PostgreSQL may
// run are checked: the custom one, planned for the values, and the generic
// one it switches to after five runs on a connection, planned without them
// (a single statement with "($1 IS NULL OR …)" filters walked the dates
// there, 70 ms at a million lines).
func TestAuditPageUsesTheIndexes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cfg, err := pgxpool.ParseConfig(pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	cfg.ConnConfig.Tracer = rec
	cfg.MaxConns = 1 // the plan_cache_mode set below holds for the one connection
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	var first int64
	for _, sql := range []string{
		`INSERT INTO agents (email, login, nom, prenom) SELECT 'a' || i || '@d.fr', 'a' || i || '@d.fr', 'N', 'P' FROM generate_series(1, 20) i`,
		`INSERT INTO audit_log (agent_id, action, target, created_at)
		 SELECT (SELECT min(id) FROM agents) + CASE WHEN i % 200 = 0 THEN 7 ELSE i % 5 END,
		        CASE WHEN i % 200 = 1 THEN 'compte-debloque' ELSE (ARRAY['connexion','fiche-consultee','message-envoye'])[1 + i % 3] END,
		        'assmat:' || i, now() - i * interval '1 minute'
		 FROM generate_series(1, 60000) i`,
		`VACUUM ANALYZE audit_log, agents`,
	} {
		if _, err := pool.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	if err := pool.QueryRow(ctx, `SELECT min(id) FROM agents`).Scan(&first); err != nil {
		t.Fatal(err)
	}
	monthAgo := time.Now().AddDate(0, -1, 0)
	weekBefore := monthAgo.AddDate(0, 0, -7)
	for _, c := range []struct {
		name          string
		view          boaudit.Query
		since, before *time.Time
		index         string
	}{
		{"a rare agent", boaudit.Query{AgentID: first + 7, Page: 1}, nil, nil, "audit_log_agent_idx"},
		{"a rare agent, page 3", boaudit.Query{AgentID: first + 7, Page: 3}, nil, nil, "audit_log_agent_idx"},
		{"a rare action", boaudit.Query{Action: "compte-debloque", Page: 1}, nil, nil, "audit_log_action_idx"},
		{"a rare action in a week", boaudit.Query{Action: "compte-debloque", Page: 1}, &weekBefore, &monthAgo, "audit_log_action_idx"},
		{"an agent's action", boaudit.Query{AgentID: first + 1, Action: "connexion", Page: 1}, nil, nil, "audit_log_agent_action_idx"},
		{"every line", boaudit.Query{Page: 1}, nil, nil, "audit_log_created_idx"},
		{"every line, page 100", boaudit.Query{Page: 100}, nil, nil, "audit_log_created_idx"},
		{"a week", boaudit.Query{Page: 1}, &weekBefore, &monthAgo, "audit_log_created_idx"},
	} {
		if _, err := c.view.Lines(c.since, c.before)(ctx, db.New(pool)); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		rec.mu.Lock()
		sql, args := rec.sql, rec.args
		rec.mu.Unlock()
		for _, mode := range []string{"force_custom_plan", "force_generic_plan"} {
			plan, err := explainPrepared(ctx, pool, mode, sql, args)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if read := auditIndexes.FindAllString(plan, -1); len(read) != 1 || read[0] != c.index ||
				strings.Contains(plan, "Seq Scan on audit_log") {
				t.Errorf("%s, %s: the page does not read %s alone:\n%s", c.name, mode, c.index, plan)
			}
		}
	}
}

// auditIndexes finds the log's indexes a plan reads.
var auditIndexes = regexp.MustCompile(`audit_log_\w+_idx`)

// explainPrepared prepares the statement and explains it with its
// arguments under a plan_cache_mode: a statement sent with its arguments
// is always planned for them, a prepared one may not be.
func explainPrepared(ctx context.Context, pool *pgxpool.Pool, mode, sql string, args []any) (string, error) {
	literals := make([]string, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case int32:
			literals[i] = strconv.FormatInt(int64(a), 10)
		case int64:
			literals[i] = strconv.FormatInt(a, 10)
		case string:
			literals[i] = "'" + strings.ReplaceAll(a, "'", "''") + "'"
		case *time.Time:
			literals[i] = "NULL"
			if a != nil {
				literals[i] = "'" + a.UTC().Format(time.RFC3339Nano) + "'"
			}
		default:
			return "", fmt.Errorf("argument %d: no literal for %T", i+1, a)
		}
	}
	var plan strings.Builder
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SET LOCAL plan_cache_mode = "+mode); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "PREPARE page AS "+sql); err != nil {
			return err
		}
		defer tx.Exec(ctx, "DEALLOCATE page") //nolint:errcheck // the transaction's end drops nothing; a failed one is reported below
		exec := "EXPLAIN EXECUTE page"
		if len(literals) > 0 {
			exec += "(" + strings.Join(literals, ", ") + ")"
		}
		rows, err := tx.Query(ctx, exec, pgx.QueryExecModeSimpleProtocol)
		if err != nil {
			return err
		}
		lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
		plan.WriteString(strings.Join(lines, "\n"))
		return err
	})
	return plan.String(), err
}
