package db_test

import (
	"context"
	"testing"

	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// A childminder who opens every general message has a state row for each:
// thousands over the years (5,000 general messages at L), where the bench
// data gives at most tens. The pages that skip her archived messages and
// show which she has read must look each of their messages' state up by
// its key, not compare each message with all her states: a generic plan,
// expecting about fifteen states per childminder, had done that (a loop
// over all of them for each message, 0.5 to 0.8 s for a deep page of hers,
// an outside review). Each statement runs here for such a childminder, in
// its custom and its generic plan, and the rows its joins compare and
// throw away must stay within a few per message it reads.
func TestAHeavyReadersPagesLookHerStatesUp(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	statements := generatedStatements(t)
	pool := pgtest.Pool(t)
	var her int64
	for _, sql := range []string{
		`INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, situation_familiale, adresse, code_postal, commune)
		 SELECT 'H' || i, 'Madame', 'NOM', 'Prénom', '1980-01-01', 'Célibataire', '1 rue', '06000', 'Nice' FROM generate_series(1, 300) i`,
		`INSERT INTO messages (sender_service, subject, body, created_at)
		 SELECT 'S', 'Objet ' || i, 'Texte', timestamptz '2024-01-01' + i * interval '5 hours' FROM generate_series(1, 1500) i`,
		`INSERT INTO messages (sender_service, subject, body, recipient_assmat_id, created_at)
		 SELECT 'S', 'Objet', 'Texte', a.id, timestamptz '2024-01-01' + i * interval '3 days' FROM assmats a, generate_series(1, 3) i`,
		// She read every message; she archived one in ten. The others
		// read a few.
		`INSERT INTO message_states (assmat_id, message_id, read_at, archived_at)
		 SELECT a.id, m.id, now(), CASE WHEN m.id % 10 = 0 THEN now() END
		 FROM assmats a, messages m WHERE a.login = 'H1' AND (m.recipient_assmat_id IS NULL OR m.recipient_assmat_id = a.id)`,
		`INSERT INTO message_states (assmat_id, message_id, read_at)
		 SELECT a.id, m.id, now() FROM assmats a, messages m
		 WHERE a.login <> 'H1' AND m.recipient_assmat_id IS NULL AND (m.id + a.id) % 200 = 0`,
		`ANALYZE assmats, messages, message_states`,
	} {
		if _, err := pool.Exec(ctx, sql); err != nil {
			t.Fatalf("%v\n%s", err, sql)
		}
	}
	if err := pool.QueryRow(ctx, `SELECT id FROM assmats WHERE login = 'H1'`).Scan(&her); err != nil {
		t.Fatal(err)
	}
	conn, err := pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	e := explainer{conn: conn.Conn()}
	for _, c := range []struct {
		query string
		args  map[string]any
		read  int // the messages it reads at most: each half's top
	}{
		{"DashboardMessages", map[string]any{"AssmatID": her}, 2 * 5},
		{"ListReceivedFirstPage", map[string]any{"AssmatID": her}, 2 * 20},
		{"ListReceivedNewest", map[string]any{"AssmatID": her, "RowOffset": int32(20)}, 2 * 40},
		{"ListReceivedNewest", map[string]any{"AssmatID": her, "RowOffset": int32(400)}, 2 * 420},
		// The back office's view of her latest messages (10 of each half).
		{"BoAssmatMessages", map[string]any{"Login": "H1", "MaxRows": int32(10)}, 2 * 10},
		// A search for a word of every message, newest first and by subject.
		{"SearchMessagesNewest", map[string]any{"AssmatID": her, "Archived": false, "Pattern": "objet",
			"RowLimit": int32(20), "RowOffset": int32(0)}, 1503},
		{"SearchMessages", map[string]any{"AssmatID": her, "Archived": false, "Pattern": "objet", "Sort": "subject", "Descending": false,
			"GeneralLabel": "Tous", "RowLimit": int32(20), "RowOffset": int32(0)}, 1503},
		// These read every message she may see, or every one she archived.
		{"ListMessages", map[string]any{"AssmatID": her, "Sort": "subject", "Descending": false, "GeneralLabel": "Tous",
			"RowLimit": int32(20), "RowOffset": int32(0)}, 1503},
		{"ListArchived", map[string]any{"AssmatID": her, "Sort": "date", "Descending": true, "GeneralLabel": "Tous",
			"RowLimit": int32(20), "RowOffset": int32(0)}, 151},
	} {
		st := statements[c.query]
		literals, err := argLiterals(planCase{name: c.query, args: c.args}, st)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.conn.Exec(ctx, "PREPARE heavy AS "+st.sql); err != nil {
			t.Fatal(err)
		}
		for _, mode := range []string{"force_custom_plan", "force_generic_plan"} {
			p, err := e.explain(ctx, mode, true, ", ANALYZE", execute("heavy", literals))
			if err != nil {
				t.Fatal(err)
			}
			// Archived messages are skipped: a tenth more read.
			if compared := joinWork(p.Plan); compared > float64(3*c.read) {
				t.Errorf("%s %v, %s: its joins compared %.0f rows for at most %d messages read (%.2f ms):\n%s",
					c.query, c.args, mode, compared, c.read, p.ExecutionTime, outline(p.Plan))
			}
		}
		if _, err := e.conn.Exec(ctx, "DEALLOCATE heavy"); err != nil {
			t.Fatal(err)
		}
	}
}

// joinWork counts the rows a plan's joins compared and threw away, and
// those a Materialize gave again on each loop.
func joinWork(n planNode) float64 {
	w := n.JoinRemoved
	if n.NodeType == "Materialize" && n.ActualLoops > 1 {
		w += n.ActualRows * n.ActualLoops
	}
	for _, k := range n.Plans {
		w += joinWork(k)
	}
	return w
}
