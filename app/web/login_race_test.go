package web_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/auth"
)

// A password changed (by its owner on another device, or reset by an agent)
// while a sign-in was checking the old one: the sign-in opens no session
// and the visitor reads the usual French error, as for a wrong password.
// The change happens at the exact point, between the hash's check and the
// session's insert, from a connection outside the app's pool.
func TestASignInWhosePasswordChangesMeanwhileIsRefused(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	ctx := context.Background()
	other, err := pgx.Connect(ctx, env.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close(context.Background()) })
	var once sync.Once
	var changed bool
	env.Trips.Before(func(sql string) {
		if !strings.HasPrefix(sql, "INSERT INTO sessions") {
			return
		}
		once.Do(func() {
			_, err := other.Exec(ctx, `UPDATE assmats SET password_hash = 'replaced', password_changed_at = now() WHERE login = '100001'`)
			changed = err == nil
			if err != nil {
				t.Errorf("changing the password: %v", err)
			}
		})
	})

	c := env.Client()
	c.Get("/connexion")
	res := c.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Demo-assmat1"))
	env.Trips.Before(nil)
	if !changed {
		t.Fatal("the password was not changed during the sign-in: the session's insert was not seen")
	}
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), auth.MsgBadCredentials) {
		t.Errorf("answer %d %q, want 422 with %q", res.StatusCode, res.Header.Get("Location"), auth.MsgBadCredentials)
	}
	var sessions int
	env.QueryRow(`SELECT count(*) FROM sessions s JOIN assmats a ON a.id = s.user_id WHERE a.login = '100001'`, nil, &sessions)
	if sessions != 0 {
		t.Errorf("%d session(s) opened", sessions)
	}
	if res := c.Get("/"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the dashboard answers %d to the refused visitor, want a redirection to the login page", res.StatusCode)
	}
}
