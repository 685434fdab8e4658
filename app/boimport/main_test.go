package boimport_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/boimport"
	"github.com/departement06/extranet-assmat/app/demo"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// agent is a signed-in agent on the import page (its CSRF token read).
func agent(t *testing.T, env *apptest.Env) *apptest.Client {
	t.Helper()
	c := env.Client()
	c.Get("/back-office/connexion")
	res := c.Submit("/back-office/connexion", apptest.Values("email", demo.AgentLogin.Identifiant, "mot_de_passe", demo.AgentLogin.Password))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("agent sign-in: %d", res.StatusCode)
	}
	if res := c.Get(boimport.Path); res.StatusCode != http.StatusOK {
		t.Fatalf("the import page: %d", res.StatusCode)
	}
	return c
}

// sample is app/genesis's sample file.
func sample(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../genesis/testdata/genesis-exemple.csv")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// multipartBody is the page's form: its token, the button pressed (action,
// "" for none) and a file (name "" for none).
func multipartBody(t *testing.T, csrf, action, name string, content []byte) (*bytes.Buffer, string) {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	fields := map[string]string{"_csrf": csrf}
	if action != "" {
		fields["action"] = action
	}
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if name != "" {
		fw, err := w.CreateFormFile("fichier", name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(content); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return &body, w.FormDataContentType()
}

// send posts the form as the page does.
func send(t *testing.T, c *apptest.Client, action, name string, content []byte, htmx bool) *apptest.Response {
	t.Helper()
	body, ct := multipartBody(t, c.CSRF, action, name, content)
	req := httptest.NewRequest(http.MethodPost, boimport.Path, body)
	req.Header.Set("Content-Type", ct)
	return c.Do(req, apptest.HTMXIf(htmx)...)
}

// count is a count(*) query's answer.
func count(t *testing.T, env *apptest.Env, sql string, args ...any) int {
	t.Helper()
	var n int
	env.QueryRow(sql, args, &n)
	return n
}
