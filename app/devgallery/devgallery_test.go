package devgallery_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/config"
	"github.com/departement06/extranet-assmat/components/gallery"
	"github.com/departement06/extranet-assmat/components/paths"
)

// The index links to every state, each state answers its page with the
// sample visitor's menu, and an htmx request for a dialog gets it bare.
func TestGalleryServesEveryState(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	index := c.Get(paths.Gallery)
	if index.StatusCode != http.StatusOK {
		t.Fatalf("index: %d", index.StatusCode)
	}
	states := gallery.States()
	for _, s := range states {
		if index.Doc.Find(`main a[href="`+s.URL()+`"]`).Length() != 1 {
			t.Errorf("the index has no link to %s", s.URL())
		}
		res := c.Get(s.URL())
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", s.URL(), res.StatusCode)
			continue
		}
		if res.Doc.Find(`main nav[aria-label="Galerie"]`).Length() != 1 {
			t.Errorf("%s: no gallery trail", s.URL())
		}
		// An anonymous designer still sees the menu of a signed-in state.
		if menu := res.Doc.Find("nav.menu").Length() == 1; menu != (s.Visitor != gallery.Anonymous) {
			t.Errorf("%s: menu shown = %v for visitor %d", s.URL(), menu, s.Visitor)
		}
		// Forms carry this request's CSRF token: they post to the real routes.
		if tok, ok := res.Doc.Find(`input[name="_csrf"]`).Attr("value"); ok && tok == "" {
			t.Errorf("%s: a form without its CSRF token", s.URL())
		}
	}
	dialog := c.Get(paths.Gallery+"/ChildDeleteDialog/confirmation", apptest.HTMX)
	if dialog.StatusCode != http.StatusOK || !strings.HasPrefix(strings.TrimSpace(dialog.Body), "<dialog") {
		t.Errorf("htmx request for the dialog: %d %.80q, want the bare <dialog>", dialog.StatusCode, dialog.Body)
	}
	if res := c.Get(paths.Gallery + "/LoginPage/nulle-part"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown state: %d, want 404", res.StatusCode)
	}
}

// Like the development mailbox, the gallery is no page of production.
func TestGalleryDoesNotExistInProduction(t *testing.T) {
	t.Parallel()
	dev := apptest.New(t)
	c := dev.Client()
	c.Login("100001", "Demo-assmat1")
	if res := c.Get(paths.Gallery); res.StatusCode != http.StatusOK {
		t.Fatalf("development: %d", res.StatusCode)
	}
	prod := apptest.NewOn(t, dev.URL, dev.Clock, func(cfg *config.Config) {
		cfg.Production = true
		cfg.SMTPURL = "smtp://127.0.0.1:1"
	})
	for _, path := range []string{paths.Gallery, paths.Gallery + "/LoginPage/bloquee"} {
		if res := c.On(prod).Get(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("production %s: %d, want 404", path, res.StatusCode)
		}
	}
}
