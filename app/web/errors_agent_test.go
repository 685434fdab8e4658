package web_test

import (
	"net/http"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// An agent's error page keeps the back office's menu; a childminder's 404 on
// her own pages looks the same whether or not the browser also holds an
// agent's session (it tells nothing of the back office).
func TestErrorPagesKeepTheirSectionsLayout(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Get("/back-office/connexion")
	if res := c.Submit("/back-office/connexion", apptest.Values("email", "agent@demo.local", "mot_de_passe", "Demo-agent1")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("agent sign-in: %d", res.StatusCode)
	}
	res := c.Get("/back-office/page-inconnue")
	if res.StatusCode != http.StatusNotFound || res.Doc.Find(`nav[aria-label="Menu du back office"]`).Length() != 1 {
		t.Errorf("agent's 404: %d, back-office menu %d", res.StatusCode, res.Doc.Find(`nav[aria-label="Menu du back office"]`).Length())
	}
	// The same browser signs in as a childminder: her missing child is her
	// own 404, without the back office's menu.
	c.Login("100001", "Demo-assmat1")
	res = c.Get("/enfants-accueillis/999999999")
	if res.StatusCode != http.StatusNotFound || res.Doc.Find(`nav[aria-label="Menu du back office"]`).Length() != 0 ||
		res.Doc.Find(`nav[aria-label="Menu principal"]`).Length() != 1 {
		t.Errorf("childminder's 404 with an agent's session too: %d", res.StatusCode)
	}
}
