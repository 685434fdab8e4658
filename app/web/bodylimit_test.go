package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// The server takes bodies up to the documents' upload (11 MB), but every
// other route keeps the forms' 1 MB: a 2 MB login form is refused (413)
// before its handler, while a 2 MB document form reaches its handler (a
// 422 for its missing fields: not a 413).
func TestOnlyTheDocumentFormsTakeLargeBodies(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	big := strings.Repeat("x", 2<<20)
	c := env.Client()
	c.Get("/connexion")
	if res := c.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", big)); res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("2 MB login form: %d", res.StatusCode)
	}
	agent := env.Client()
	agent.Get("/back-office/connexion")
	res := agent.Submit("/back-office/connexion", apptest.Values("email", "agent@demo.local", "mot_de_passe", "Demo-agent1"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("agent sign-in: %d", res.StatusCode)
	}
	agent.Get("/back-office/documents-utiles/nouveau")
	if res := agent.Submit("/back-office/documents-utiles/nouveau", apptest.Values("description", big)); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("2 MB document form: %d", res.StatusCode)
	}
	if res := agent.Submit("/back-office/messages/nouveau", apptest.Values("texte", big)); res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("2 MB message form: %d", res.StatusCode)
	}
}
