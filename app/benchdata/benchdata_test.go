package benchdata

import (
	"context"
	"errors"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/demo"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// tiny is small enough for a test, with every kind of row.
var tiny = Scale{Name: "tiny", Assmats: 40, Agrements: 52, Children: 150, Periods: 300,
	General: 25, Personal: 200, States: 450, National: true}

var testToday = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)

var hashOnce = func() func(t *testing.T) string {
	var h string
	return func(t *testing.T) string {
		t.Helper()
		if h == "" {
			var err error
			if h, err = credentials.HashPassword(context.Background(), Password); err != nil {
				t.Fatal(err)
			}
		}
		return h
	}
}()

// loaded is a fresh database with the demo data, then the tiny bench data.
func loaded(t *testing.T, seed uint64) (*pgxpool.Pool, Report) {
	t.Helper()
	pool := pgtest.Pool(t)
	if _, err := demo.Load(context.Background(), pool); err != nil {
		t.Fatal(err)
	}
	rep, err := Load(context.Background(), pool, Options{Scale: tiny, Seed: seed, Today: testToday, PasswordHash: hashOnce(t)})
	if err != nil {
		t.Fatal(err)
	}
	return pool, rep
}

func count(t *testing.T, pool *pgxpool.Pool, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

func TestLoadCountsAndInvariants(t *testing.T) {
	pool, rep := loaded(t, 1)
	// Counts: the bench rows are exactly the scale's, the demo's are still there.
	first, hash := rep.FirstIDs["messages"], hashOnce(t)
	for _, c := range []struct {
		what string
		sql  string
		want int
		args []any
	}{
		{"childminders", `SELECT count(*) FROM assmats WHERE login LIKE 'B%'`, tiny.Assmats, nil},
		{"demo childminders", `SELECT count(*) FROM assmats WHERE login NOT LIKE 'B%'`, len(demo.Logins), nil},
		{"agréments", `SELECT count(*) FROM agrements g JOIN assmats a ON a.id = g.assmat_id WHERE a.login LIKE 'B%'`, tiny.Agrements, nil},
		{"children", `SELECT count(*) FROM children c JOIN assmats a ON a.id = c.assmat_id WHERE a.login LIKE 'B%'`, tiny.Children, nil},
		{"periods", `SELECT count(*) FROM care_periods p JOIN children c ON c.id = p.child_id JOIN assmats a ON a.id = c.assmat_id WHERE a.login LIKE 'B%'`, tiny.Periods, nil},
		{"general messages", `SELECT count(*) FROM messages WHERE recipient_assmat_id IS NULL AND id >= $1`, tiny.General, []any{first}},
		{"personal messages", `SELECT count(*) FROM messages m JOIN assmats a ON a.id = m.recipient_assmat_id WHERE a.login LIKE 'B%'`, tiny.Personal, nil},
		{"states", `SELECT count(*) FROM message_states s JOIN assmats a ON a.id = s.assmat_id WHERE a.login LIKE 'B%'`, tiny.States, nil},
		// Every childminder has her current agrément, and one has two at most.
		{"childminders without an agrément", `SELECT count(*) FROM assmats a WHERE a.login LIKE 'B%' AND NOT EXISTS (SELECT 1 FROM agrements g WHERE g.assmat_id = a.id)`, 0, nil},
		{"childminders with 3 agréments", `SELECT count(*) FROM (SELECT assmat_id FROM agrements GROUP BY 1 HAVING count(*) > 2) x`, 0, nil},
		// Every child has a period, and the periods of a child do not overlap.
		{"children without a period", `SELECT count(*) FROM children c WHERE NOT EXISTS (SELECT 1 FROM care_periods p WHERE p.child_id = c.id)`, 0, nil},
		{"overlapping periods", `SELECT count(*) FROM care_periods p JOIN care_periods q ON q.child_id = p.child_id AND q.position = p.position + 1
			WHERE p.end_date IS NULL OR p.end_date >= q.start_date`, 0, nil},
		{"overrun without hours", `SELECT count(*) FROM care_periods WHERE (kind = 'depassement') <> (hours_per_month IS NOT NULL)`, 0, nil},
		// States only for messages the childminder may see, read after they were sent.
		{"states of another's message", `SELECT count(*) FROM message_states s JOIN messages m ON m.id = s.message_id
			WHERE m.recipient_assmat_id IS NOT NULL AND m.recipient_assmat_id <> s.assmat_id`, 0, nil},
		{"empty states", `SELECT count(*) FROM message_states WHERE read_at IS NULL AND archived_at IS NULL`, 0, nil},
		{"read before sent", `SELECT count(*) FROM message_states s JOIN messages m ON m.id = s.message_id WHERE s.read_at < m.created_at`, 0, nil},
		// Every bench childminder has the one password.
		{"other hashes", `SELECT count(*) FROM assmats WHERE login LIKE 'B%' AND password_hash IS DISTINCT FROM $1`, 0, []any{hash}},
	} {
		if got := count(t, pool, c.sql, c.args...); got != c.want {
			t.Errorf("%s: %d, want %d", c.what, got, c.want)
		}
	}

	// Whose each child is, and how many periods it has: the plan's.
	p := newPlan(tiny, 1, testToday)
	rows, err := pool.Query(context.Background(), `
		SELECT c.id - $1, c.assmat_id - $2, count(p.id)
		FROM children c JOIN care_periods p ON p.child_id = c.id
		WHERE c.id >= $1 GROUP BY c.id ORDER BY c.id`, rep.FirstIDs["children"], rep.FirstIDs["assmats"])
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		var c, a, periods int
		if err := rows.Scan(&c, &a, &periods); err != nil {
			t.Fatal(err)
		}
		if a != int(p.childAssmat[c]) || periods != int(p.childPeriods[c]) {
			t.Errorf("child %d: childminder %d with %d periods, want %d with %d", c, a, periods, p.childAssmat[c], p.childPeriods[c])
		}
		n++
	}
	if rows.Err() != nil || n != tiny.Children {
		t.Fatalf("%d children read (%v)", n, rows.Err())
	}

	// Current and past children, by the app's rule (a period open or ending today or later).
	current := count(t, pool, `SELECT count(*) FROM children c WHERE c.id >= $1 AND EXISTS (
		SELECT 1 FROM care_periods p WHERE p.child_id = c.id AND (p.end_date IS NULL OR p.end_date >= $2))`,
		rep.FirstIDs["children"], testToday)
	if current < tiny.Children*40/100 || current > tiny.Children*80/100 {
		t.Errorf("%d current children of %d: want a mix around 60 %%", current, tiny.Children)
	}
	// Some childminders read and archive, some messages stay unread.
	if a := count(t, pool, `SELECT count(*) FROM message_states WHERE archived_at IS NOT NULL`); a == 0 || a == tiny.States {
		t.Errorf("%d archived states of %d", a, tiny.States)
	}

	// The password is the one the load tool signs in with.
	var stored string
	if err := pool.QueryRow(context.Background(), `SELECT password_hash FROM assmats WHERE login = $1`, Login(tiny.Assmats-1)).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if ok, err := credentials.CheckPassword(context.Background(), Password, &stored); err != nil || !ok {
		t.Errorf("%s does not sign in with %s (%v)", Login(tiny.Assmats-1), Password, err)
	}
	// The identities go on after the bench ids: the app can still insert.
	var id int64
	if err := pool.QueryRow(context.Background(), `INSERT INTO messages (sender_service, subject, body) VALUES ('s', 's', 'b') RETURNING id`).Scan(&id); err != nil {
		t.Fatalf("insert after the load: %v", err)
	}
	if want := rep.FirstIDs["messages"] + int64(tiny.General+tiny.Personal); id != want {
		t.Errorf("next message id %d, want %d", id, want)
	}
}

func TestLoadRefusesToRunTwiceAndRebuildsIndexes(t *testing.T) {
	pool := pgtest.Pool(t)
	ctx := context.Background()
	indexes := func() []string {
		rows, err := pool.Query(ctx, `SELECT indexdef FROM pg_indexes WHERE tablename = ANY ($1) ORDER BY indexname`, tables)
		if err != nil {
			t.Fatal(err)
		}
		var defs []string
		for rows.Next() {
			var d string
			if err := rows.Scan(&d); err != nil {
				t.Fatal(err)
			}
			defs = append(defs, d)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return defs
	}
	before := indexes()
	if len(before) < 8 {
		t.Fatalf("only %d indexes found: %v", len(before), before)
	}
	o := Options{Scale: tiny, Seed: 7, Today: testToday, PasswordHash: hashOnce(t)}
	if _, err := Load(ctx, pool, o); err != nil {
		t.Fatal(err)
	}
	if after := indexes(); !reflect.DeepEqual(after, before) {
		t.Errorf("indexes after the load:\n%v\nwant\n%v", after, before)
	}
	if _, err := Load(ctx, pool, o); !errors.Is(err, ErrAlreadyLoaded) {
		t.Errorf("second load: %v, want ErrAlreadyLoaded", err)
	}
	if n := count(t, pool, `SELECT count(*) FROM children`); n != tiny.Children {
		t.Errorf("%d children after the refused load, want %d", n, tiny.Children)
	}
}

// The same seed loads the same rows; another seed other ones.
func TestLoadIsDeterministic(t *testing.T) {
	digest := func(pool *pgxpool.Pool) string {
		var s string
		if err := pool.QueryRow(context.Background(), `SELECT md5(
			(SELECT string_agg(concat_ws('|', id, login, nom, prenom, date_naissance, commune, email), ',' ORDER BY id) FROM assmats) ||
			(SELECT string_agg(concat_ws('|', id, assmat_id, nom, prenom, declared_at), ',' ORDER BY id) FROM children) ||
			(SELECT string_agg(concat_ws('|', id, child_id, kind, start_date, end_date, hours_per_month), ',' ORDER BY id) FROM care_periods) ||
			(SELECT string_agg(concat_ws('|', id, subject, body, recipient_assmat_id, created_at), ',' ORDER BY id) FROM messages) ||
			(SELECT string_agg(concat_ws('|', assmat_id, message_id, read_at, archived_at), ',' ORDER BY assmat_id, message_id) FROM message_states))`).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	a, _ := loaded(t, 1)
	b, _ := loaded(t, 1)
	c, _ := loaded(t, 2)
	if digest(a) != digest(b) {
		t.Error("two loads with the same seed differ")
	}
	if digest(a) == digest(c) {
		t.Error("two seeds load the same rows")
	}
}
