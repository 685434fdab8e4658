package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/config"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// The statement follows the RGAA model: a contact that answers (from the
// configuration, never the no-reply sender), its date, the non-accessible
// content and the Défenseur des droits.
func TestAccessibilityStatement(t *testing.T) {
	t.Parallel()
	env := apptest.NewOn(t, pgtest.URL(t), nil, func(c *config.Config) {
		c.AccessibilityContact = "accessibilite@example.fr"
		c.AccessibilityDate = time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	})
	res := env.Client().Get("/accessibilite")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	text := res.Text()
	for _, want := range []string{"partiellement conforme", "RGAA", "Contenus non accessibles", "établie le 01/03/2027",
		"accessibilite@example.fr", "Défenseur des droits", "09 69 39 00 00", "Libre réponse 71120"} {
		if !strings.Contains(text, want) {
			t.Errorf("the statement lacks %q", want)
		}
	}
	if href, _ := res.Doc.Find(`a[href^="mailto:"]`).Attr("href"); href != "mailto:accessibilite@example.fr" {
		t.Errorf("contact link %q", href)
	}
	if strings.Contains(text, "nepasrepondre") {
		t.Error("the statement gives the no-reply address as contact")
	}
}
