package web_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/db"
)

// Every way a password changes kills every link of the account still
// pending, whatever its purpose: an email-change link asked before a password
// change cannot change the address afterwards, from any browser.
func TestEveryPasswordChangeKillsEveryPendingLink(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		change func(t *testing.T, env *apptest.Env, id int64)
	}{
		{"Mon compte", func(t *testing.T, env *apptest.Env, _ int64) {
			c := env.Client()
			c.Login("300001", "Ancien-mdp1")
			c.Get("/mon-compte")
			res := c.Submit("/mon-compte/mot-de-passe", apptest.Values("mot_de_passe_actuel", "Ancien-mdp1",
				"nouveau_mot_de_passe", "Nouveau-2025", "confirmation", "Nouveau-2025"))
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("Mon compte: %d %q", res.StatusCode, res.Text())
			}
		}},
		{"emailed link", func(t *testing.T, env *apptest.Env, id int64) {
			token := issue(t, env, id, credentials.PurposeSetPassword)
			c := env.Client()
			c.Get("/mot-de-passe/" + token)
			res := c.Submit("/mot-de-passe/"+token, apptest.Values("mot_de_passe", "Nouveau-2025", "verification", "Nouveau-2025"))
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("link: %d %q", res.StatusCode, res.Text())
			}
		}},
		{"temporary password", func(t *testing.T, env *apptest.Env, id int64) {
			if _, err := env.Pool.Exec(context.Background(), `UPDATE assmats SET must_change_password = true WHERE id = $1`, id); err != nil {
				t.Fatal(err)
			}
			c := env.Client()
			c.Login("300001", "Ancien-mdp1")
			c.Get("/changement-mot-de-passe")
			res := c.Submit("/changement-mot-de-passe", apptest.Values("mot_de_passe_actuel", "Ancien-mdp1",
				"mot_de_passe", "Nouveau-2025", "verification", "Nouveau-2025"))
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("temporary: %d %q", res.StatusCode, res.Text())
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := apptest.New(t)
			id := env.NewAssmat("300001", "Ancien-mdp1", false)
			emailLink := issue(t, env, id, credentials.PurposeChangeEmail)
			passwordLink := issue(t, env, id, credentials.PurposeSetPassword)
			tc.change(t, env, id)
			stranger := env.Client()
			for _, link := range []string{"/adresse-email/" + emailLink, "/mot-de-passe/" + passwordLink} {
				if res := stranger.Get(link); res.StatusCode != http.StatusGone {
					t.Errorf("GET %s after the change: %d", link[:15], res.StatusCode)
				}
			}
			stranger.Get("/connexion")
			if res := stranger.Submit("/adresse-email/"+emailLink, nil); res.StatusCode != http.StatusGone {
				t.Errorf("email link used after the change: %d", res.StatusCode)
			}
			if res := stranger.Submit("/mot-de-passe/"+passwordLink, apptest.Values("mot_de_passe", "Pirate-2025", "verification", "Pirate-2025")); res.StatusCode != http.StatusGone {
				t.Errorf("password link used after the change: %d", res.StatusCode)
			}
			var email string
			if err := env.Pool.QueryRow(context.Background(), `SELECT email FROM assmats WHERE id = $1`, id).Scan(&email); err != nil {
				t.Fatal(err)
			}
			if email != "300001@example.fr" {
				t.Errorf("the address changed to %q", email)
			}
			env.Client().Login("300001", "Nouveau-2025")
		})
	}
}

// issue stores a pending link of the account, as the app does when it emails one.
func issue(t *testing.T, env *apptest.Env, id int64, purpose string) string {
	t.Helper()
	token, err := credentials.IssueLink(context.Background(), db.New(env.Pool), id, purpose, "nouvelle@example.org", env.Clock.Now(), time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// Email-change links asked by a stolen session while the owner changes her
// password: whatever the interleaving, none survives the change (the account's
// row orders the two transactions).
func TestNoLinkSurvivesAConcurrentPasswordChange(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	owner, thief := env.Client(), env.Client()
	owner.Login("100001", "Demo-assmat1")
	thief.Login("100001", "Demo-assmat1")
	owner.Get("/mon-compte")
	thief.Get("/mon-compte")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := thief.Submit("/mon-compte/adresse-email", apptest.Values("nouvel_email", "pirate@example.org"))
			if res.StatusCode >= 500 {
				t.Errorf("email request: %d", res.StatusCode)
			}
		}()
	}
	res := owner.Submit("/mon-compte/mot-de-passe", apptest.Values("mot_de_passe_actuel", "Demo-assmat1",
		"nouveau_mot_de_passe", "Nouveau-2025", "confirmation", "Nouveau-2025"))
	wg.Wait()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("password change: %d %q", res.StatusCode, res.Text())
	}
	var pending int
	if err := env.Pool.QueryRow(context.Background(), `SELECT count(*) FROM account_tokens WHERE used_at IS NULL`).Scan(&pending); err != nil {
		t.Fatal(err)
	}
	if pending != 0 {
		t.Errorf("%d links outlived the password change", pending)
	}
}

// Two password links of one account used at the same moment: one wins, the
// other is told the link is no longer valid; neither is a technical error.
func TestTwoLinksOfOneAccountUsedAtOnce(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	id := env.NewAssmat("300002", "Ancien-mdp1", false)
	for round := 0; round < 3; round++ {
		tokens := []string{issue(t, env, id, credentials.PurposeSetPassword), issue(t, env, id, credentials.PurposeSetPassword)}
		statuses := make(chan int, 2)
		var wg sync.WaitGroup
		for _, tok := range tokens {
			c := env.Client()
			c.Get("/mot-de-passe/" + tok)
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses <- c.Submit("/mot-de-passe/"+tok, apptest.Values("mot_de_passe", "Nouveau-2025", "verification", "Nouveau-2025")).StatusCode
			}()
		}
		wg.Wait()
		close(statuses)
		got := map[int]int{}
		for s := range statuses {
			got[s]++
		}
		if got[http.StatusSeeOther] != 1 || got[http.StatusGone] != 1 {
			t.Errorf("round %d: answers %v, want one 303 and one 410", round, got)
		}
	}
}
