package agentauth_test

import (
	"net/http"
	"net/url"
	"os"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/demo"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// The demo agent, as the README gives her.
var (
	agentEmail    = demo.AgentLogin.Identifiant
	agentPassword = demo.AgentLogin.Password
)

// signIn signs the client in as an agent through the sign-in form and fails
// the test if it does not work; the client then holds a back-office page's
// CSRF token.
func signIn(t *testing.T, c *apptest.Client, email, password string) {
	t.Helper()
	c.Get("/back-office/connexion")
	res := c.Submit("/back-office/connexion", apptest.Values("email", email, "mot_de_passe", password))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/back-office" {
		t.Fatalf("agent sign-in %s: got %d %q: %s", email, res.StatusCode, res.Header.Get("Location"), res.Text())
	}
	if res := c.Get("/back-office"); res.StatusCode != http.StatusOK {
		t.Fatalf("back office's home after sign-in: %d", res.StatusCode)
	}
}

// setPassword opens an agent's link and sets her password through it.
func setPassword(t *testing.T, c *apptest.Client, link, password string) {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	path := u.Path
	if res := c.Get(path); res.StatusCode != http.StatusOK {
		t.Fatalf("the link %s: %d", path, res.StatusCode)
	}
	res := c.Submit(path, apptest.Values("mot_de_passe", password, "verification", password))
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/back-office/connexion" {
		t.Fatalf("set the password through %s: %d %q %s", path, res.StatusCode, res.Header.Get("Location"), res.Text())
	}
}
