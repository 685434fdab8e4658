package devgallery_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

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

var csrfValue = regexp.MustCompile(`(name="_csrf" value=")[^"]*"`)

// fragmentHTML is the markup of the first element css matches, without the
// CSRF token (each session has its own).
func fragmentHTML(t *testing.T, r *apptest.Response, css string) string {
	t.Helper()
	sel := r.Doc.Find(css).First()
	if sel.Length() == 0 {
		t.Fatalf("no %s in the answer (%d)", css, r.StatusCode)
	}
	h, err := goquery.OuterHtml(sel)
	if err != nil {
		t.Fatal(err)
	}
	return csrfValue.ReplaceAllString(h, `${1}…"`)
}

// browserForm is what a browser posts from a form as the page shows it:
// its enabled inputs with their values, the chosen option of each select.
func browserForm(r *apptest.Response, css string) url.Values {
	v := url.Values{}
	r.Doc.Find(css + " input[name]:not([disabled]), " + css + " select[name]").Each(func(_ int, e *goquery.Selection) {
		name := e.AttrOr("name", "")
		switch {
		case goquery.NodeName(e) == "select":
			v.Add(name, e.Find("option[selected]").AttrOr("value", ""))
		case e.AttrOr("type", "") == "checkbox" && e.AttrOr("checked", "no") == "no":
		default:
			v.Add(name, e.AttrOr("value", ""))
		}
	})
	return v
}

// The gallery builds its states with the features' real view builders, but
// from values of its own: a state that claims to be a handler's answer must
// be that answer, byte for byte, or a designer works on a picture that lies. When a
// handler changes a field (its id, label, limits, message), this fails until
// the fixture follows.
func TestFixturesAreTheHandlersAnswers(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	same := func(c *apptest.Client, real *apptest.Response, component, state, css string) {
		t.Helper()
		want := fragmentHTML(t, real, css)
		got := fragmentHTML(t, c.Get(paths.Gallery+"/"+component+"/"+state), css)
		if got != want {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			from := max(0, i-120)
			t.Errorf("gallery %s/%s differs from the handler's answer at byte %d:\n gallery: …%s\n handler: …%s",
				component, state, i, got[from:min(len(got), i+120)], want[from:min(len(want), i+120)])
		}
	}

	// The child form, empty and after an empty VALIDER.
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	empty := c.Get(paths.Children + "/nouveau")
	same(c, empty, "ChildFormPage", "vide", "#formulaire-enfant")
	posted := browserForm(empty, "#formulaire-enfant form")
	posted.Set("action", "valider")
	same(c, c.Submit(paths.Children+"/nouveau", posted), "ChildFormPage", "valider-a-vide", "#formulaire-enfant")

	// The login submitted empty, then with a wrong password.
	anon := env.Client()
	anon.Get(paths.Login)
	same(anon, anon.Submit(paths.Login, apptest.Values("identifiant", "", "mot_de_passe", "", "action", "connexion")),
		"LoginPage", "champs-manquants", "#connexion")
	same(anon, anon.Submit(paths.Login, apptest.Values("identifiant", "100001", "mot_de_passe", "Mauvais-1", "action", "connexion")),
		"LoginPage", "mot-de-passe-incorrect", "#connexion")

	// The temporary password's change: empty, then a password the policy refuses.
	temp := env.Client()
	temp.Login("100002", "Temp-2025a")
	same(temp, temp.Get(paths.PasswordChange), "PasswordChangePage", "vide", "#changement")
	same(temp, temp.Submit(paths.PasswordChange, apptest.Values("mot_de_passe_actuel", "Temp-2025a", "mot_de_passe", "court", "verification", "court")),
		"PasswordChangePage", "politique", "#changement")
}
