package db_test

import (
	"context"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// The counts kept by triggers (migrations 0006, 0008 and 0011) equal the counts
// they stand for after every kind of statement: single and bulk inserts,
// updates that change what is counted and updates that do not, deletes.
func TestKeptCountsEqualTheCounts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := pgtest.Pool(t)
	check := func(step string) {
		t.Helper()
		var general, keptGeneral, total, keptTotal, active, keptActive int64
		if err := pool.QueryRow(ctx, `SELECT
			(SELECT count(*) FROM messages WHERE recipient_assmat_id IS NULL), (SELECT general FROM message_counts),
			(SELECT count(*) FROM messages), (SELECT total FROM message_counts),
			(SELECT count(*) FROM assmats WHERE password_hash IS NOT NULL), (SELECT active FROM assmat_counts)`).
			Scan(&general, &keptGeneral, &total, &keptTotal, &active, &keptActive); err != nil {
			t.Fatal(err)
		}
		if general != keptGeneral || total != keptTotal || active != keptActive {
			t.Errorf("%s: general %d kept %d, total %d kept %d, active %d kept %d",
				step, general, keptGeneral, total, keptTotal, active, keptActive)
		}
		// Each childminder's personal messages and states read or archived
		// (migration 0011), and a row for each.
		rows, err := pool.Query(ctx, `SELECT a.login, p.n, COALESCE(k.personal, 0), s.n, COALESCE(k.seen, 0)
			FROM assmats a
			LEFT JOIN assmat_message_counts k ON k.assmat_id = a.id
			CROSS JOIN LATERAL (SELECT count(*) AS n FROM messages m WHERE m.recipient_assmat_id = a.id) p
			CROSS JOIN LATERAL (SELECT count(*) AS n FROM message_states st
				WHERE st.assmat_id = a.id AND (st.read_at IS NOT NULL OR st.archived_at IS NOT NULL)) s
			WHERE k.assmat_id IS NULL OR p.n <> k.personal OR s.n <> k.seen`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var login string
			var personal, keptPersonal, seen, keptSeen int64
			if err := rows.Scan(&login, &personal, &keptPersonal, &seen, &keptSeen); err != nil {
				t.Fatal(err)
			}
			t.Errorf("%s: %s has %d personal messages, kept %d; %d read or archived, kept %d",
				step, login, personal, keptPersonal, seen, keptSeen)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
	}
	check("start")
	for _, step := range []struct{ name, sql string }{
		{"childminders, some with a password", `INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, situation_familiale, adresse, code_postal, commune, password_hash)
			SELECT 'K' || i, 'Madame', 'NOM', 'Prénom', '1980-01-01', 'Célibataire', '1 rue', '06000', 'Nice', CASE WHEN i % 3 = 0 THEN 'x' END
			FROM generate_series(1, 30) i`},
		{"a password set", `UPDATE assmats SET password_hash = 'y' WHERE login = 'K1'`},
		{"a password changed", `UPDATE assmats SET password_hash = 'z' WHERE login = 'K3'`},
		{"passwords cleared", `UPDATE assmats SET password_hash = NULL WHERE login IN ('K6', 'K9', 'K2')`},
		{"an update of something else", `UPDATE assmats SET commune = 'Antibes' WHERE login LIKE 'K1%'`},
		{"messages, general and personal", `INSERT INTO messages (sender_service, subject, body, recipient_assmat_id, created_at)
			SELECT 'S', 'Objet ' || i, 'Texte', CASE WHEN i % 2 = 0 THEN (SELECT id FROM assmats WHERE login = 'K' || i) END, now()
			FROM generate_series(1, 20) i`},
		{"a personal message", `INSERT INTO messages (sender_service, subject, body, recipient_assmat_id, created_at)
			SELECT 'S', 'Objet', 'Texte', id, now() FROM assmats WHERE login = 'K5'`},
		{"a general message made personal", `UPDATE messages SET recipient_assmat_id = (SELECT id FROM assmats WHERE login = 'K4')
			WHERE id = (SELECT min(id) FROM messages WHERE recipient_assmat_id IS NULL)`},
		{"states: read, archived, neither", `INSERT INTO message_states (assmat_id, message_id, read_at, archived_at)
			SELECT a.id, m.id, CASE WHEN m.id % 2 = 0 THEN now() END, CASE WHEN m.id % 3 = 0 THEN now() END
			FROM assmats a JOIN messages m ON m.recipient_assmat_id IS NULL OR m.recipient_assmat_id = a.id
			WHERE a.login LIKE 'K%'`},
		{"a message read", `UPDATE message_states SET read_at = now() WHERE read_at IS NULL AND archived_at IS NULL
			AND message_id = (SELECT min(message_id) FROM message_states WHERE read_at IS NULL AND archived_at IS NULL)`},
		{"messages archived", `UPDATE message_states SET archived_at = now() WHERE archived_at IS NULL AND message_id % 5 = 0`},
		{"messages restored", `UPDATE message_states SET archived_at = NULL WHERE archived_at IS NOT NULL AND message_id % 4 = 0`},
		{"an update that changes nothing counted", `UPDATE message_states SET read_at = read_at`},
		// A row lost (a restore of the data alone, a hand's mistake): her
		// next change counts her again from the tables, it does not fail.
		{"her count row lost, then her messages unread and restored", `WITH lost AS (
				DELETE FROM assmat_message_counts WHERE assmat_id = (SELECT id FROM assmats WHERE login = 'K6') RETURNING 1)
			UPDATE message_states SET read_at = NULL, archived_at = NULL
			WHERE assmat_id = (SELECT id FROM assmats WHERE login = 'K6') AND (SELECT count(*) FROM lost) >= 0`},
		{"states deleted", `DELETE FROM message_states WHERE message_id % 7 = 0`},
		{"messages deleted (their states with them)", `DELETE FROM messages WHERE id % 3 = 0`},
		{"childminders deleted (their messages with them)", `DELETE FROM assmats WHERE login IN ('K12', 'K15', 'K4')`},
		{"a general message deleted (everyone's states with it)", `DELETE FROM messages
			WHERE id = (SELECT min(id) FROM messages WHERE recipient_assmat_id IS NULL)`},
		{"every state deleted", `TRUNCATE message_states`},
	} {
		if _, err := pool.Exec(ctx, step.sql); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		check(step.name)
	}
}

// 0006's triggers update message_counts' one row; 0011's, childminders'
// rows. PostgreSQL fires a table's triggers in the order of their names:
// every statement must lock the one row first, or a personal message sent
// while a read general message is deleted deadlocks.
func TestCountTriggersLockTheOneRowFirst(t *testing.T) {
	t.Parallel()
	pool := pgtest.Pool(t)
	for _, table := range []string{"messages", "message_states"} {
		rows, err := pool.Query(context.Background(), `SELECT t.tgname, p.proname FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
			WHERE t.tgrelid = $1::regclass AND NOT t.tgisinternal ORDER BY t.tgname`, table)
		if err != nil {
			t.Fatal(err)
		}
		seenTheirs := ""
		for rows.Next() {
			var name, function string
			if err := rows.Scan(&name, &function); err != nil {
				t.Fatal(err)
			}
			switch {
			case strings.HasPrefix(function, "assmat_message_counts_"):
				seenTheirs = name
			case strings.HasPrefix(function, "message_counts_") && seenTheirs != "":
				t.Errorf("%s: trigger %s (message_counts) fires after %s (childminders' counts)", table, name, seenTheirs)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
	}
}
