package db_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// The counts kept by triggers (migrations 0006, 0008, 0011 and 0016) equal the counts
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
		// Each message's reads (migration 0016): no row is none.
		reads, err := pool.Query(ctx, `SELECT m.id, r.n, COALESCE(k.n, 0)
			FROM messages m
			LEFT JOIN message_read_counts k ON k.message_id = m.id
			CROSS JOIN LATERAL (SELECT count(*) AS n FROM message_states st WHERE st.message_id = m.id AND st.read_at IS NOT NULL) r
			WHERE r.n <> COALESCE(k.n, 0)`)
		if err != nil {
			t.Fatal(err)
		}
		defer reads.Close()
		for reads.Next() {
			var id, n, kept int64
			if err := reads.Scan(&id, &n, &kept); err != nil {
				t.Fatal(err)
			}
			t.Errorf("%s: message %d read %d times, kept %d", step, id, n, kept)
		}
		if err := reads.Err(); err != nil {
			t.Fatal(err)
		}
		var orphans int64
		if err := pool.QueryRow(ctx, `SELECT count(*) FROM message_read_counts k WHERE k.n < 0`).Scan(&orphans); err != nil || orphans > 0 {
			t.Errorf("%s: %d negative read counts, %v", step, orphans, err)
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
		{"a message's count row lost, then one more reader", `WITH lost AS (
				DELETE FROM message_read_counts WHERE message_id = (SELECT max(k.message_id) FROM message_read_counts k
					WHERE EXISTS (SELECT 1 FROM message_states s WHERE s.message_id = k.message_id AND s.read_at IS NULL)) RETURNING message_id)
			UPDATE message_states SET read_at = now() WHERE read_at IS NULL AND message_id = (SELECT message_id FROM lost)`},
		{"a message's count row lost, then a reading undone", `WITH lost AS (
				DELETE FROM message_read_counts WHERE message_id = (SELECT min(message_id) FROM message_read_counts) RETURNING message_id)
			UPDATE message_states SET read_at = NULL
			WHERE (assmat_id, message_id) = (SELECT assmat_id, message_id FROM message_states WHERE read_at IS NOT NULL AND message_id = (SELECT message_id FROM lost) LIMIT 1)`},
		{"a first reading, through the app's statement", `INSERT INTO message_states (assmat_id, message_id, read_at)
			SELECT a.id, m.id, now() FROM assmats a, messages m
			WHERE a.login = 'K1' AND m.recipient_assmat_id IS NULL
			  AND NOT EXISTS (SELECT 1 FROM message_states s WHERE s.assmat_id = a.id AND s.message_id = m.id)
			ORDER BY m.id LIMIT 1
			ON CONFLICT (assmat_id, message_id) DO UPDATE SET read_at = EXCLUDED.read_at WHERE message_states.read_at IS NULL`},
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
// rows; 0016's, messages' read counts, which must come before childminders'
// too. PostgreSQL fires a table's triggers in the order of their names:
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
			case strings.HasPrefix(function, "message_read_counts_") && seenTheirs != "":
				// A message's row before childminders' (migration 0016):
				// deleting a message takes its row first, by the cascade.
				t.Errorf("%s: trigger %s (a message's reads) fires after %s (childminders' counts)", table, name, seenTheirs)
			case strings.HasPrefix(function, "message_counts_") && seenTheirs != "":
				t.Errorf("%s: trigger %s (message_counts) fires after %s (childminders' counts)", table, name, seenTheirs)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
	}
}

// Childminders reading the same messages at once, as at the morning rush
// of a national message, while others are deleted with their states read
// (a statement that takes many messages' rows): every reading is counted
// once, nothing fails, nothing deadlocks (migration 0016).
func TestReadCountsUnderParallelReaders(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	const readers, messages = 40, 5
	cfg, err := pgxpool.ParseConfig(pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	cfg.MaxConns = readers + 2 // every reader at once, not four
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	for _, sql := range []string{
		`INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, situation_familiale, adresse, code_postal, commune, password_hash)
		 SELECT 'R' || i, 'Madame', 'NOM', 'Prénom', '1980-01-01', 'Célibataire', '1 rue', '06000', 'Nice', 'x'
		 FROM generate_series(1, 50) i`,
		`INSERT INTO messages (sender_service, subject, body) SELECT 'S', 'Objet ' || i, 'Texte' FROM generate_series(1, 5) i`,
		// The ten to be deleted have read the first three messages: the
		// last two are read for the first time at once (their rows made).
		`INSERT INTO message_states (assmat_id, message_id, read_at)
		 SELECT a.id, m.id, now() FROM assmats a, messages m
		 WHERE a.login ~ '^R(4[1-9]|50)$' AND m.id < (SELECT min(id) + 3 FROM messages)`,
	} {
		if _, err := pool.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	var ids, msgs []int64
	for _, q := range []struct {
		sql  string
		dest *[]int64
	}{
		{`SELECT id FROM assmats WHERE login ~ '^R([1-9]|[1-3][0-9]|40)$' ORDER BY id`, &ids},
		{`SELECT id FROM messages ORDER BY id`, &msgs},
	} {
		rows, err := pool.Query(ctx, q.sql)
		if err != nil {
			t.Fatal(err)
		}
		if *q.dest, err = pgx.CollectRows(rows, pgx.RowTo[int64]); err != nil {
			t.Fatal(err)
		}
	}
	if len(ids) != readers || len(msgs) != messages {
		t.Fatalf("%d readers, %d messages", len(ids), len(msgs))
	}
	var wg sync.WaitGroup
	errs := make(chan error, readers*messages+2)
	start := make(chan struct{})
	for i, id := range ids {
		wg.Go(func() {
			<-start
			// Each in her own order of messages: rows taken in every order.
			for k := range msgs {
				m := msgs[(i+k)%len(msgs)]
				if err := db.New(pool).MarkMessageRead(ctx, db.MarkMessageReadParams{AssmatID: id, ID: m, Now: time.Now()}); err != nil {
					errs <- err
				}
			}
		})
	}
	for _, logins := range []string{"^R4[1-5]$", "^R(4[6-9]|50)$"} {
		wg.Go(func() {
			<-start
			if _, err := pool.Exec(ctx, `DELETE FROM assmats WHERE login ~ $1`, logins); err != nil {
				errs <- err
			}
		})
	}
	if err := pool.Ping(ctx); err != nil { // the connections opened, before the start
		t.Fatal(err)
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	rows, err := pool.Query(ctx, `SELECT m.id, COALESCE(k.n, -1) FROM messages m LEFT JOIN message_read_counts k ON k.message_id = m.id ORDER BY m.id`)
	if err != nil {
		t.Fatal(err)
	}
	type count struct{ ID, N int64 }
	counts, err := pgx.CollectRows(rows, pgx.RowToStructByPos[count])
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range counts {
		if c.N != readers {
			t.Errorf("message %d: %d reads kept, want %d", c.ID, c.N, readers)
		}
	}
}

// Two childminders' readings of a message, the first not committed when
// the second comes: the second waits for the first's count, then adds to
// it (migration 0016), rather than losing her reading. Both with the
// message's count row as sending made it, and with the row lost: the first
// then counts the states afresh, and the second waits on the row the first
// made (the ON CONFLICT of apply_read_counts).
func TestTwoReadingsAtOnceAreBothCounted(t *testing.T) {
	t.Parallel()
	for _, lost := range []bool{false, true} {
		t.Run(map[bool]string{false: "row kept", true: "row lost"}[lost], func(t *testing.T) { twoReadingsAtOnce(t, lost) })
	}
}

func twoReadingsAtOnce(t *testing.T, lost bool) {
	ctx := context.Background()
	pool := pgtest.Pool(t)
	var message int64
	var readers []int64
	if err := pool.QueryRow(ctx, `INSERT INTO messages (sender_service, subject, body) VALUES ('S', 'Objet', 'Texte') RETURNING id`).Scan(&message); err != nil {
		t.Fatal(err)
	}
	if lost {
		if _, err := pool.Exec(ctx, `DELETE FROM message_read_counts WHERE message_id = $1`, message); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := pool.Query(ctx, `INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, situation_familiale, adresse, code_postal, commune)
		SELECT 'F' || i, 'Madame', 'NOM', 'Prénom', '1980-01-01', 'Célibataire', '1 rue', '06000', 'Nice' FROM generate_series(1, 2) i RETURNING id`)
	if err != nil {
		t.Fatal(err)
	}
	if readers, err = pgx.CollectRows(rows, pgx.RowTo[int64]); err != nil {
		t.Fatal(err)
	}
	first, err := pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Rollback(ctx) //nolint:errcheck // committed below; a failed test rolls back
	if err := db.New(first).MarkMessageRead(ctx, db.MarkMessageReadParams{AssmatID: readers[0], ID: message, Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	second := make(chan error, 1)
	go func() {
		second <- db.New(pool).MarkMessageRead(ctx, db.MarkMessageReadParams{AssmatID: readers[1], ID: message, Now: time.Now()})
	}()
	// The second waits on the first's row.
	deadline := time.Now().Add(10 * time.Second)
	for {
		var waiting bool
		if err := pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%MarkMessageRead%')`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if waiting {
			break
		}
		select {
		case err := <-second:
			t.Fatalf("the second reading did not wait for the first: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("the second reading never waited")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := first.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-second; err != nil {
		t.Fatal(err)
	}
	var n int64
	if err := pool.QueryRow(ctx, `SELECT n FROM message_read_counts WHERE message_id = $1`, message).Scan(&n); err != nil || n != 2 {
		t.Errorf("%d reads kept, want 2 (%v)", n, err)
	}
}
