package web_test

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/db"
)

// matrixFixture is what the matrix runs against: the demo data, a second
// active childminder B, a current child of A, an email in the development
// mailbox, and two sessions of each role.
type matrixFixture struct {
	t        *testing.T
	env      *apptest.Env
	visitors map[string]*matrixVisitor // by role name
	idA      int64
	childA   int64
	mailID   int64
	unknown  string   // a token of the right shape that no link has
	links    int      // numbers the addresses of the links issued
	tables   []string // what a snapshot covers
}

// matrixVisitor is a browser of one role: its client, its CSRF token, and the
// token of another session of the same role (of another browser, for an
// anonymous visitor).
type matrixVisitor struct {
	client       *apptest.Client
	token, other string
}

func newMatrixFixture(t *testing.T) *matrixFixture {
	env := apptest.New(t)
	fx := &matrixFixture{t: t, env: env, visitors: map[string]*matrixVisitor{}}
	env.NewAssmat(matrixLoginB, matrixPasswordB, false)
	ctx := context.Background()
	if err := env.Pool.QueryRow(ctx, `SELECT id FROM assmats WHERE login = '100001'`).Scan(&fx.idA); err != nil {
		t.Fatal(err)
	}
	if err := env.Pool.QueryRow(ctx, `INSERT INTO dev_mailbox (to_addr, subject, html, text)
		VALUES ('gertrude.assmat@example.fr', 'Essai', '<p>Essai</p>', 'Essai') RETURNING id`).Scan(&fx.mailID); err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	fx.unknown = base64.RawURLEncoding.EncodeToString(b)
	for _, role := range matrixRoles {
		v := fx.signIn(role)
		v.other = fx.signIn(role).token
		fx.visitors[role.name] = v
	}
	fx.childA = fx.newChildOfA()
	fx.tables = fx.applicationTables()
	return fx
}

// signIn opens a new browser of the role and reads its CSRF token.
func (fx *matrixFixture) signIn(role matrixRole) *matrixVisitor {
	fx.t.Helper()
	c := fx.env.Client()
	home := "/connexion"
	switch {
	case role.agent:
		c.Get("/back-office/connexion")
		res := c.Submit("/back-office/connexion", apptest.Values("email", role.login, "mot_de_passe", role.password))
		if res.StatusCode != http.StatusSeeOther {
			fx.t.Fatalf("%s: sign-in answered %d", role.name, res.StatusCode)
		}
		home = role.home
	case role.login != "":
		c.Login(role.login, role.password)
		home = role.home
	}
	c.CSRF = "" // the login page's token died with the login
	if res := c.Get(home); res.StatusCode != http.StatusOK || c.CSRF == "" {
		fx.t.Fatalf("%s: %s answered %d without a CSRF token", role.name, home, res.StatusCode)
	}
	return &matrixVisitor{client: c, token: c.CSRF}
}

// disposable is a new session of the role, for an action that may end it;
// its "other" token is the main session's.
func (fx *matrixFixture) disposable(role matrixRole) *matrixVisitor {
	v := fx.signIn(role)
	v.other = fx.visitors[role.name].token
	return v
}

// newChildOfA declares a current child of A through the form.
func (fx *matrixFixture) newChildOfA() int64 {
	fx.t.Helper()
	a := fx.visitors["A"]
	res := a.client.Post("/enfants-accueillis/nouveau", apptest.Values(
		"nom", "MATRICE", "prenom", "Léa", "date-naissance", "01/01/2024",
		"adresse", "2 rue de la Paix", "code-postal", "06000", "commune", "Nice",
		"periode-0-type", "standard", "periode-0-debut", "29/11/2026", "action", "valider",
		"_csrf", a.token))
	if res.StatusCode != http.StatusSeeOther {
		fx.t.Fatalf("declare a child of A: %d %s", res.StatusCode, res.Text())
	}
	var id int64
	if err := fx.env.Pool.QueryRow(context.Background(), `SELECT max(id) FROM children WHERE assmat_id = $1`, fx.idA).Scan(&id); err != nil {
		fx.t.Fatal(err)
	}
	return id
}

// link issues a one-time link of A, as the app does before emailing it.
func (fx *matrixFixture) link(purpose string) string {
	fx.t.Helper()
	fx.links++
	email := fmt.Sprintf("gertrude.%d@example.fr", fx.links)
	token, err := credentials.IssueLink(context.Background(), db.New(fx.env.Pool), fx.idA, purpose, email,
		fx.env.Clock.Now(), fx.env.Config.LinkTTL)
	if err != nil {
		fx.t.Fatal(err)
	}
	return token
}

// matrixTarget fills the parameters of a route's path; fresh asks for a
// target of its own, for an action that spends it.
type matrixTarget struct {
	name   string
	params func(fx *matrixFixture, fresh bool) map[string]string
}

func (tg matrixTarget) nameOr(none string) string {
	if tg.name == "" {
		return none
	}
	return tg.name
}

func (fx *matrixFixture) staticFile(bool) map[string]string {
	return map[string]string{"*": "img/favicon.svg"}
}

func (fx *matrixFixture) childOfA(fresh bool) map[string]string {
	id := fx.childA
	if fresh {
		id = fx.newChildOfA()
	}
	return map[string]string{"id": strconv.FormatInt(id, 10)}
}

func (fx *matrixFixture) devMail(bool) map[string]string {
	return map[string]string{"id": strconv.FormatInt(fx.mailID, 10)}
}

func (fx *matrixFixture) unknownID(bool) map[string]string {
	return map[string]string{"id": "987654321"}
}

func (fx *matrixFixture) unknownToken(bool) map[string]string {
	return map[string]string{"token": fx.unknown}
}

// A new link for each request: whatever an earlier request did to A's links
// (spent one, killed them all), this one is valid.
func (fx *matrixFixture) passwordLinkOfA(bool) map[string]string {
	return map[string]string{"token": fx.link(credentials.PurposeSetPassword)}
}

func (fx *matrixFixture) emailLinkOfA(bool) map[string]string {
	return map[string]string{"token": fx.link(credentials.PurposeChangeEmail)}
}

// agentLink creates an agent without a password and her link, as "agent
// create" does (the token's SHA-256 stored), and returns the token.
func (fx *matrixFixture) agentLink() string {
	fx.t.Helper()
	fx.links++
	var id int64
	fx.env.QueryRow(`INSERT INTO agents (login, nom, prenom, email) VALUES ($1, 'MATRICE', 'Agathe', $1) RETURNING id`,
		[]any{fmt.Sprintf("agent.%d@example.fr", fx.links)}, &id)
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		fx.t.Fatal(err)
	}
	token := base64.RawURLEncoding.EncodeToString(b)
	sum := sha256.Sum256([]byte(token))
	if _, err := fx.env.Pool.Exec(context.Background(), `INSERT INTO agent_tokens (agent_id, token_hash, expires_at)
		VALUES ($1, $2, $3)`, id, sum[:], fx.env.Clock.Now().Add(time.Hour)); err != nil {
		fx.t.Fatal(err)
	}
	return token
}

// fill replaces the :name and * segments of a route's pattern.
func (fx *matrixFixture) fill(pattern string, tg matrixTarget, fresh bool) string {
	fx.t.Helper()
	if !strings.ContainsAny(pattern, ":*") {
		return pattern
	}
	if tg.params == nil {
		fx.t.Fatalf("%s has parameters: its row needs a target", pattern)
	}
	params := tg.params(fx, fresh)
	segs := strings.Split(pattern, "/")
	for i, s := range segs {
		name, isParam := strings.CutPrefix(s, ":")
		if s == "*" {
			name, isParam = "*", true
		}
		if !isParam {
			continue
		}
		value, found := params[name]
		if !found {
			fx.t.Fatalf("%s: target %q gives no value for %s", pattern, tg.name, s)
		}
		segs[i] = value
	}
	return strings.Join(segs, "/")
}

// resetThrottle forgets every login-throttle counter before a request: the
// matrix makes hundreds of requests from one client address, and a lock
// would hide the answer under test behind a 429.
func (fx *matrixFixture) resetThrottle() {
	if _, err := fx.env.Pool.Exec(context.Background(), `DELETE FROM login_throttle`); err != nil {
		fx.t.Fatal(err)
	}
}

// settleMail waits until the mail queue has no job left to run, so that an
// email an action enqueued is in the mailbox before the snapshot.
func (fx *matrixFixture) settleMail() {
	deadline := time.Now().Add(10 * time.Second)
	for {
		var pending int
		if err := fx.env.Pool.QueryRow(context.Background(),
			`SELECT count(*) FROM river_job WHERE state NOT IN ('completed', 'cancelled', 'discarded')`).Scan(&pending); err != nil {
			fx.t.Fatal(err)
		}
		if pending == 0 {
			return
		}
		if time.Now().After(deadline) {
			fx.t.Fatalf("%d email job(s) still pending after 10 s", pending)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
