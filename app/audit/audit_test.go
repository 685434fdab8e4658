package audit_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/audit"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func demoAgent(t *testing.T, env *apptest.Env) int64 {
	t.Helper()
	var id int64
	env.QueryRow(`SELECT id FROM agents WHERE login = 'agent@demo.local'`, nil, &id)
	return id
}

// A line is written in the caller's transaction: kept with a commit, gone
// with a rollback; its details are JSON.
func TestRecordWritesInTheCallersTransaction(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	ctx := context.Background()
	agent := demoAgent(t, env)
	err := pgx.BeginFunc(ctx, env.Pool, func(tx pgx.Tx) error {
		return audit.Record(ctx, tx, agent, audit.AccessGiven, audit.TargetAssmat("100003"), map[string]any{"lettre": true})
	})
	if err != nil {
		t.Fatal(err)
	}
	rolledBack := errors.New("the action failed")
	err = pgx.BeginFunc(ctx, env.Pool, func(tx pgx.Tx) error {
		if err := audit.Record(ctx, tx, agent, audit.DocumentDeleted, audit.TargetDocument(7), nil); err != nil {
			return err
		}
		return rolledBack
	})
	if !errors.Is(err, rolledBack) {
		t.Fatal(err)
	}
	var n int
	var action, target string
	var details []byte
	env.QueryRow(`SELECT count(*) OVER (), action, target, details FROM audit_log WHERE agent_id = $1`, []any{agent}, &n, &action, &target, &details)
	var d map[string]any
	if err := json.Unmarshal(details, &d); err != nil {
		t.Fatal(err)
	}
	if n != 1 || action != "acces-donne" || target != "assmat:100003" || d["lettre"] != true {
		t.Errorf("log: %d line(s), %q %q %s", n, action, target, details)
	}
	if err := audit.Record(ctx, env.Pool, agent, audit.Action("inventee"), "", nil); err == nil {
		t.Error("an unknown action was recorded")
	}
}

// Every action has a French label, and the journal's list holds each once.
func TestActionsHaveLabels(t *testing.T) {
	seen := map[audit.Action]bool{}
	for _, a := range audit.Actions() {
		if audit.Label(a) == "" || seen[a] {
			t.Errorf("action %q: label %q, seen before %v", a, audit.Label(a), seen[a])
		}
		seen[a] = true
	}
	for _, a := range []audit.Action{audit.SignIn, audit.MessageSent, audit.AccessGiven, audit.AccessRenewed, audit.AccountUnlocked,
		audit.DocumentCreated, audit.DocumentChanged, audit.DocumentDeleted, audit.AssmatViewed, audit.Import, audit.Export} {
		if !seen[a] {
			t.Errorf("action %q missing from Actions()", a)
		}
	}
}

// The log is append-only, whoever asks: the database refuses UPDATE, DELETE
// and TRUNCATE, and the deletion of an agent who has lines.
func TestTheDatabaseRefusesToChangeTheLog(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	ctx := context.Background()
	agent := demoAgent(t, env)
	if err := audit.Record(ctx, env.Pool, agent, audit.SignIn, audit.TargetAgent(agent), nil); err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{
		`UPDATE audit_log SET action = 'export'`,
		`UPDATE audit_log SET details = '{}' WHERE agent_id = ` + itoa(agent),
		`DELETE FROM audit_log`,
		`TRUNCATE audit_log`,
		`DELETE FROM agents WHERE id = ` + itoa(agent),
	} {
		_, err := env.Pool.Exec(ctx, sql)
		if err == nil {
			t.Errorf("%s: accepted", sql)
			continue
		}
		if !strings.Contains(err.Error(), "append-only") && !strings.Contains(err.Error(), "audit_log_agent_id_fkey") {
			t.Errorf("%s: refused for another reason: %v", sql, err)
		}
	}
	var n int
	env.QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'connexion'`, nil, &n)
	if n != 1 {
		t.Errorf("%d sign-in lines left, want 1", n)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
