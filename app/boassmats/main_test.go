package boassmats_test

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/demo"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// agent is a client signed in as the demo agent, holding a back-office
// page's CSRF token.
func agent(t *testing.T, env *apptest.Env) *apptest.Client {
	t.Helper()
	c := env.Client()
	c.Get("/back-office/connexion")
	res := c.Submit("/back-office/connexion", apptest.Values("email", demo.AgentLogin.Identifiant, "mot_de_passe", demo.AgentLogin.Password))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/back-office" {
		t.Fatalf("agent sign-in: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res := c.Get("/back-office"); res.StatusCode != http.StatusOK || c.CSRF == "" {
		t.Fatalf("back office home: %d", res.StatusCode)
	}
	return c
}

// auditRows are the audit log's lines of an action, as "target" strings, oldest first.
func auditRows(t *testing.T, env *apptest.Env, action string) []string {
	t.Helper()
	rows, err := env.Pool.Query(context.Background(), `SELECT target FROM audit_log WHERE action = $1 ORDER BY id`, action)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// logins are the identifiers listed in a results table, in order.
func logins(res *apptest.Response) []string {
	var out []string
	res.Doc.Find("#resultats-assmats tbody tr td:nth-child(2)").Each(func(_ int, s *goquery.Selection) {
		out = append(out, strings.TrimSpace(s.Text()))
	})
	return out
}
