package bomessages_test

import (
	"net/http"
	"os"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/demo"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// agent is a client signed in as the demo agent, through the sign-in form.
func agent(t *testing.T, env *apptest.Env) *apptest.Client {
	t.Helper()
	c := env.Client()
	c.Get("/back-office/connexion")
	res := c.Submit("/back-office/connexion", apptest.Values("email", demo.AgentLogin.Identifiant, "mot_de_passe", demo.AgentLogin.Password))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/back-office" {
		t.Fatalf("agent sign-in: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res := c.Get("/back-office/messages/nouveau"); res.StatusCode != http.StatusOK {
		t.Fatalf("the message form: %d", res.StatusCode)
	}
	return c
}

func count(t *testing.T, env *apptest.Env, sql string, args ...any) int {
	t.Helper()
	var n int
	env.QueryRow(sql, args, &n)
	return n
}
