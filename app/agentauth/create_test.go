package agentauth_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/agentauth"
	"github.com/departement06/extranet-assmat/app/apptest"
)

// "agent create" prints a link that sets the new agent's password once: the
// page, its errors plain and htmx, the password set, the link dead after
// (and every link of hers with it), and the password that signs in.
func TestAgentCreateLinkWorksOnce(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	var out bytes.Buffer
	err := agentauth.Command(context.Background(), env.Pool, []string{"create", "Jeanne.Lefort@Departement06.fr", "Jeanne   LE FORT"},
		&out, env.Config.BaseURL, env.Config.LinkTTL)
	if err != nil {
		t.Fatal(err)
	}
	found := regexp.MustCompile(`http://\S+/back-office/mot-de-passe/[A-Za-z0-9_-]{43}`).FindString(out.String())
	if found == "" || !strings.Contains(out.String(), "Jeanne LE FORT <Jeanne.Lefort@Departement06.fr>") {
		t.Fatalf("output without its link: %q", out.String())
	}
	var login, prenom, nom string
	var hasHash bool
	env.QueryRow(`SELECT login, prenom, nom, password_hash IS NOT NULL FROM agents WHERE email = 'Jeanne.Lefort@Departement06.fr'`, nil,
		&login, &prenom, &nom, &hasHash)
	if login != "jeanne.lefort@departement06.fr" || prenom != "Jeanne" || nom != "LE FORT" || hasHash {
		t.Errorf("agent stored as %q %q %q, hash %v", login, prenom, nom, hasHash)
	}
	token := found[strings.LastIndex(found, "/")+1:]
	var stored int
	env.QueryRow(`SELECT count(*) FROM agent_tokens WHERE token_hash = sha256(convert_to($1, 'UTF8'))`, []any{token}, &stored)
	if stored != 1 {
		t.Errorf("%d tokens stored by their SHA-256", stored)
	}
	u, err := url.Parse(found)
	if err != nil {
		t.Fatal(err)
	}
	c := env.Client()
	page := c.Get(u.Path)
	if page.StatusCode != http.StatusOK || page.Doc.Find("#agent-nouveau").Length() != 1 {
		t.Fatalf("the link's page: %d", page.StatusCode)
	}
	for _, htmx := range []bool{false, true} {
		res := c.Submit(u.Path, apptest.Values("mot_de_passe", "court", "verification", "autre"), apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), "Mot de passe non conforme") ||
			!strings.Contains(res.Text(), "n'est pas identique") {
			t.Errorf("invalid password (htmx=%v): %d %q", htmx, res.StatusCode, res.Text())
		}
	}
	setPassword(t, c, found, "Jeanne-2026a")
	if res := c.Get("/back-office/connexion"); !strings.Contains(res.Text(), "Votre mot de passe a été enregistré") {
		t.Errorf("no notice after the link: %q", res.Text())
	}
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		var res *apptest.Response
		if method == http.MethodGet {
			res = c.Get(u.Path)
		} else {
			res = c.Submit(u.Path, apptest.Values("mot_de_passe", "Autre-2026b", "verification", "Autre-2026b"))
		}
		if res.StatusCode != http.StatusGone || !strings.Contains(res.Text(), "Ce lien n'est plus valable") {
			t.Errorf("%s of a used link: %d %q", method, res.StatusCode, res.Text())
		}
	}
	signIn(t, c, "JEANNE.LEFORT@departement06.fr", "Jeanne-2026a")
}

// A link expires after LINK_TTL; a malformed token costs no query.
func TestAgentLinkExpires(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	link, err := agentauth.CreateAgent(context.Background(), env.Pool, "tard@example.fr", "Lucie TARD", env.Config.BaseURL, time.Hour, env.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	c := env.Client()
	env.Clock.Advance(time.Hour + time.Second)
	if res := c.Get(u.Path); res.StatusCode != http.StatusGone {
		t.Errorf("an expired link: %d", res.StatusCode)
	}
	env.Trips.Reset()
	if res := c.Get("/back-office/mot-de-passe/pas-un-jeton"); res.StatusCode != http.StatusGone || env.Trips.Trips() != 0 {
		t.Errorf("a malformed token: %d after %d round trips", res.StatusCode, env.Trips.Trips())
	}
}

// The command refuses what it cannot create, in words.
func TestAgentCreateRefusals(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"create", "agent@demo.local", "Claire MARTIN"}, "already exists"},
		{[]string{"create", "AGENT@demo.local", "Claire MARTIN"}, "already exists"},
		{[]string{"create", "pas-une-adresse", "Claire MARTIN"}, "not an email address"},
		{[]string{"create", "nouvelle@example.fr", "Claire"}, `"Prénom NOM"`},
		{[]string{"create", "nouvelle@example.fr"}, "usage"},
		{[]string{"delete", "nouvelle@example.fr", "Claire MARTIN"}, "usage"},
	} {
		var out bytes.Buffer
		err := agentauth.Command(context.Background(), env.Pool, tc.args, &out, env.Config.BaseURL, time.Hour)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: %v, want an error with %q", tc.args, err, tc.want)
		}
		if out.Len() > 0 {
			t.Errorf("%v printed %q", tc.args, out.String())
		}
	}
	var n int
	env.QueryRow(`SELECT count(*) FROM agents`, nil, &n)
	if n != 1 {
		t.Errorf("%d agents after refusals, want the demo's only", n)
	}
}
