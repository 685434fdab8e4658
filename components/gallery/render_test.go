package gallery

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// renderState renders a state's gallery page as the handler does.
func renderState(t *testing.T, s State) *goquery.Document {
	t.Helper()
	var buf bytes.Buffer
	if err := Page(s).Render(Context(context.Background(), s, "jeton-csrf"), &buf); err != nil {
		t.Fatalf("%s/%s: render: %v", s.Component, s.Name, err)
	}
	doc, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatalf("%s/%s: parse: %v", s.Component, s.Name, err)
	}
	return doc
}

// Every state renders, inside the layout, into a page whose references hold:
// one <main> with content, unique ids, labels and ARIA references that point
// at an element of the page.
func TestEveryStateRenders(t *testing.T) {
	states := States()
	if len(states) < 60 {
		t.Fatalf("only %d states: the registry lost some", len(states))
	}
	for _, s := range states {
		name := s.Component + "/" + s.Name
		doc := renderState(t, s)
		if n := doc.Find("main").Length(); n != 1 {
			t.Errorf("%s: %d <main>, want 1", name, n)
		}
		if strings.TrimSpace(doc.Find("main").Text()) == "" {
			t.Errorf("%s: <main> is empty", name)
		}
		if lang, _ := doc.Find("html").Attr("lang"); lang != "fr" {
			t.Errorf("%s: <html lang=%q>", name, lang)
		}
		if !strings.Contains(doc.Find("title").Text(), s.Title) {
			t.Errorf("%s: the page title %q does not name the state", name, doc.Find("title").Text())
		}
		ids := map[string]int{}
		doc.Find("[id]").Each(func(_ int, e *goquery.Selection) { ids[e.AttrOr("id", "")]++ })
		for id, n := range ids {
			if n > 1 {
				t.Errorf("%s: id %q appears %d times", name, id, n)
			}
		}
		for _, attr := range []string{"for", "aria-describedby", "aria-labelledby", "aria-controls"} {
			doc.Find("[" + attr + "]").Each(func(_ int, e *goquery.Selection) {
				for _, ref := range strings.Fields(e.AttrOr(attr, "")) {
					if ids[ref] == 0 {
						t.Errorf("%s: %s=%q points at no element", name, attr, ref)
					}
				}
			})
		}
		// A summary's links lead to their fields (a fragment alone lacks them).
		if !s.Fragment {
			doc.Find(`a[href^="#"]`).Each(func(_ int, e *goquery.Selection) {
				if ref := strings.TrimPrefix(e.AttrOr("href", ""), "#"); ids[ref] == 0 {
					t.Errorf("%s: link to #%s, which is not in the page", name, ref)
				}
			})
		}
		doc.Find("input:not([type=hidden]), select, textarea").Each(func(_ int, e *goquery.Selection) {
			id := e.AttrOr("id", "")
			if doc.Find(`label[for="`+id+`"]`).Length() == 0 {
				t.Errorf("%s: input %q (name %q) has no label tied to it", name, id, e.AttrOr("name", ""))
			}
		})
	}
}

// The sample visitor decides the menu: signed in, temporary, anonymous.
func TestStatesShowTheirVisitor(t *testing.T) {
	for _, tc := range []struct {
		component, state string
		menu, account    bool
	}{
		{"Layout", "connectee", true, true},
		{"Layout", "mot-de-passe-temporaire", true, false},
		{"Layout", "anonyme", false, false},
		{"LoginPage", "bloquee", false, false},
	} {
		s, ok := Find(tc.component, tc.state)
		if !ok {
			t.Fatalf("no state %s/%s", tc.component, tc.state)
		}
		doc := renderState(t, s)
		if got := doc.Find("nav.menu").Length() == 1; got != tc.menu {
			t.Errorf("%s/%s: menu shown = %v, want %v", tc.component, tc.state, got, tc.menu)
		}
		if got := doc.Find(`nav.menu a[href="/mon-compte"]`).Length() == 1; got != tc.account {
			t.Errorf("%s/%s: Mon compte in the menu = %v, want %v", tc.component, tc.state, got, tc.account)
		}
	}
	// The states hold what their names promise.
	check := func(component, state, css string, want int) {
		t.Helper()
		s, ok := Find(component, state)
		if !ok {
			t.Fatalf("no gallery state %s/%s", component, state)
		}
		if n := renderState(t, s).Find(css).Length(); n != want {
			t.Errorf("%s/%s: %d × %s, want %d", component, state, n, css, want)
		}
	}
	check("ChildrenListPage", "50-enfants-et-historique", "main table tbody tr", 50+12) // current and history
	check("ChildFormPage", "deux-periodes-de-chaque-type", "#periodes tbody tr", 6)
	check("ChildFormPage", "valider-a-vide", "[aria-invalid=true]", 7)
	check("ChildFormPage", "adresse-secondaire", "#adresse-secondaire fieldset", 1)
	check("LoginPage", "bloquee", "#connexion-deblocage", 1)
	check("ChildFormPage", "conflit-409", ".warning-box", 1)
}

// The index links to every state, once: each is two clicks from the index.
func TestIndexLinksEveryState(t *testing.T) {
	var buf bytes.Buffer
	if err := Index().Render(Context(context.Background(), State{}, "jeton-csrf"), &buf); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range States() {
		if n := doc.Find(`main a[href="` + s.URL() + `"]`).Length(); n != 1 {
			t.Errorf("the index links %d times to %s, want once", n, s.URL())
		}
	}
	if n := doc.Find("main section h2").Length(); n != len(Groups) {
		t.Errorf("the index has %d groups, want %d", n, len(Groups))
	}
}
