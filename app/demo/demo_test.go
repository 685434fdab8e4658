package demo

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func TestLoadIsIdempotent(t *testing.T) {
	ctx := context.Background()
	pool := pgtest.Pool(t)
	loaded, err := Load(ctx, pool)
	if err != nil || !loaded {
		t.Fatalf("first load: %v, %v", loaded, err)
	}
	count := func() (n int) {
		err := pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM assmats) + (SELECT count(*) FROM agrements)
			+ (SELECT count(*) FROM messages) + (SELECT count(*) FROM documents)`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	loaded, err = Load(ctx, pool)
	if err != nil || loaded {
		t.Fatalf("second load: %v, %v", loaded, err)
	}
	if after := count(); after != before {
		t.Errorf("second load changed the rows: %d → %d", before, after)
	}
}

func TestDemoAccountsAreInTheirThreeStates(t *testing.T) {
	ctx := context.Background()
	pool := pgtest.Pool(t)
	if _, err := Load(ctx, pool); err != nil {
		t.Fatal(err)
	}
	rows, err := pool.Query(ctx, `SELECT login, password_hash IS NOT NULL, must_change_password FROM assmats ORDER BY login`)
	if err != nil {
		t.Fatal(err)
	}
	type state struct {
		hasPassword, mustChange bool
	}
	got := map[string]state{}
	for rows.Next() {
		var login string
		var s state
		if err := rows.Scan(&login, &s.hasPassword, &s.mustChange); err != nil {
			t.Fatal(err)
		}
		got[login] = s
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("reading assmats: %v", err)
	}
	want := map[string]state{"100001": {true, false}, "100002": {true, true}, "100003": {false, false}}
	for login, w := range want {
		if got[login] != w {
			t.Errorf("%s: %+v, want %+v", login, got[login], w)
		}
	}
	var created time.Time
	err = pool.QueryRow(ctx, `SELECT created_at FROM messages WHERE subject = 'attention regardez la météo pour les alertes orange ou rouges'`).Scan(&created)
	if err != nil {
		t.Fatal(err)
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	if s := created.In(paris).Format("02/01/2006 15:04"); s != "21/10/2024 15:31" {
		t.Errorf("weather message dated %s", s)
	}
	var agrements int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM agrements a JOIN assmats m ON m.id = a.assmat_id WHERE m.login = '100001'`).Scan(&agrements); err != nil || agrements != 1 {
		t.Errorf("agrément of 100001: %d, %v", agrements, err)
	}
}
