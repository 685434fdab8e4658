package db_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// A count row lost (a restore without triggers, a hand's mistake), then two
// readings at once: the first, not committed yet, found no row to update;
// the second found none either, counted the states afresh (hers, not the
// first's) and committed its row. The first must add its change to that
// row, not take it for one that counted it: asking "does the row exist?"
// between the UPDATE and the INSERT lost it (an outside review). Nothing
// in PostgreSQL holds a statement between the two, so the test runs the
// function as the migrations last define it with a pause put there, for
// the first reading only.
func TestACountRowMadeMeanwhileIsAddedTo(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		function, table string
		lose, kept      string // SQL on the row both readings change ($1: its key)
		sameChildminder bool
	}{
		// A message's reads (migration 0016): two childminders read it.
		{"apply_read_counts", "message_read_counts", `DELETE FROM message_read_counts WHERE message_id = $1`,
			`SELECT n FROM message_read_counts WHERE message_id = $1`, false},
		// A childminder's messages seen (0011, 0017): she reads two.
		{"apply_message_counts", "assmat_message_counts", `DELETE FROM assmat_message_counts WHERE assmat_id = $1`,
			`SELECT seen FROM assmat_message_counts WHERE assmat_id = $1`, true},
	} {
		t.Run(c.function, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			pool := pgtest.Pool(t)
			fn := latestFunction(t, c.function)
			insert := "    INSERT INTO " + c.table + " "
			if !strings.Contains(fn, insert) {
				t.Fatalf("%s has no %q: update the test", c.function, insert)
			}
			fn = strings.Replace(fn, insert, "    IF current_setting('test.pause', true) = 'on' THEN PERFORM pg_sleep(0.5); END IF;\n"+insert, 1)
			fn = strings.Replace(fn, "CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
			if _, err := pool.Exec(ctx, fn); err != nil {
				t.Fatal(err)
			}
			var messages [2]int64
			var readers [2]int64
			for i := range 2 {
				if err := pool.QueryRow(ctx, `INSERT INTO messages (sender_service, subject, body) VALUES ('S', 'Objet', 'Texte') RETURNING id`).Scan(&messages[i]); err != nil {
					t.Fatal(err)
				}
				if err := pool.QueryRow(ctx, `INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, situation_familiale, adresse, code_postal, commune)
					VALUES ('W' || $1::int, 'Madame', 'NOM', 'Prénom', '1980-01-01', 'Célibataire', '1 rue', '06000', 'Nice') RETURNING id`, i).Scan(&readers[i]); err != nil {
					t.Fatal(err)
				}
			}
			// Which rows the two readings touch: one message and two
			// childminders, or one childminder and two messages.
			first := db.MarkMessageReadParams{AssmatID: readers[0], ID: messages[0]}
			second := db.MarkMessageReadParams{AssmatID: readers[1], ID: messages[0]}
			key := messages[0] // the row both readings change
			if c.sameChildminder {
				second = db.MarkMessageReadParams{AssmatID: readers[0], ID: messages[1]}
				key = readers[0]
			}
			if _, err := pool.Exec(ctx, c.lose, key); err != nil {
				t.Fatal(err)
			}
			paused := make(chan error, 1)
			go func() {
				conn, err := pool.Acquire(ctx)
				if err != nil {
					paused <- err
					return
				}
				defer conn.Release()
				if _, err := conn.Exec(ctx, "SET test.pause = 'on'"); err != nil {
					paused <- err
					return
				}
				first.Now = time.Now()
				err = db.New(conn).MarkMessageRead(ctx, first)
				if _, rerr := conn.Exec(ctx, "RESET test.pause"); err == nil {
					err = rerr
				}
				paused <- err
			}()
			// The second reading comes while the first is paused, and commits.
			deadline := time.Now().Add(10 * time.Second)
			for {
				var sleeping bool
				if err := pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_stat_activity
					WHERE datname = current_database() AND wait_event = 'PgSleep')`).Scan(&sleeping); err != nil {
					t.Fatal(err)
				}
				if sleeping {
					break
				}
				if time.Now().After(deadline) {
					t.Fatal("the first reading never reached the pause")
				}
				time.Sleep(5 * time.Millisecond)
			}
			second.Now = time.Now()
			if err := db.New(pool).MarkMessageRead(ctx, second); err != nil {
				t.Fatal(err)
			}
			if err := <-paused; err != nil {
				t.Fatal(err)
			}
			var n int64
			if err := pool.QueryRow(ctx, c.kept, key).Scan(&n); err != nil || n != 2 {
				t.Errorf("%d kept, want 2 (%v)", n, err)
			}
		})
	}
}

// latestFunction is the CREATE [OR REPLACE] FUNCTION of name as the last
// migration that defines it in its Up section writes it.
func latestFunction(t *testing.T, name string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "schema", "*.sql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("migrations: %v", err)
	}
	create := regexp.MustCompile(`(?s)CREATE (?:OR REPLACE )?FUNCTION ` + name + `\(.*?END \$\$;`)
	var latest string
	for _, f := range files { // Glob sorts: the migrations' order
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		up, _, _ := strings.Cut(string(src), "-- +goose Down")
		if m := create.FindString(up); m != "" {
			latest = m
		}
	}
	if latest == "" {
		t.Fatalf("no migration defines %s", name)
	}
	return latest
}
