package bodocuments_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/demo"
)

// order is the entries' titles in the list's order.
func order(t *testing.T, env *apptest.Env) []string {
	t.Helper()
	rows, err := env.Pool.Query(t.Context(), `SELECT title FROM documents ORDER BY position, id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func idOf(t *testing.T, env *apptest.Env, title string) string {
	t.Helper()
	return strconv.Itoa(count(t, env, `SELECT id FROM documents WHERE title = $1`, title))
}

// A link is published, changed, moved up and down (plain: back to the list
// at its row; htmx: the list in place), then deleted after its confirmation
// page; each action is audited and her Documents utiles page follows.
func TestLinkLifecycle(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	if res := c.Get("/back-office/documents-utiles"); res.StatusCode != http.StatusOK || res.Doc.Find(".bo-documents li").Length() != len(order(t, env)) {
		t.Fatalf("list: %d", res.StatusCode)
	}
	if res := c.Get("/back-office/documents-utiles", apptest.HTMX); res.Doc.Find("header.site-header").Length() != 0 || res.Doc.Find("#documents-liste").Length() != 1 {
		t.Errorf("htmx list: %s", res.Body)
	}

	// Errors first: no type, a javascript: address, plain and htmx.
	for _, htmx := range []bool{false, true} {
		res := send(t, c, "/back-office/documents-utiles/nouveau", map[string]string{"titre": ""}, nil, htmx)
		if res.StatusCode != http.StatusUnprocessableEntity || res.Doc.Find(`#erreurs a[href="#document-titre"]`).Length() != 1 ||
			res.Doc.Find(`#erreurs a[href="#document-type"]`).Length() != 1 {
			t.Errorf("htmx=%v: empty form: %d %s", htmx, res.StatusCode, res.Doc.Find("#erreurs").Text())
		}
		res = send(t, c, "/back-office/documents-utiles/nouveau", map[string]string{"titre": "X", "type": "lien", "adresse": "javascript:alert(1)"}, nil, htmx)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Doc.Find("#document-adresse-erreur").Text(), "https://") {
			t.Errorf("htmx=%v: javascript: address: %d", htmx, res.StatusCode)
		}
	}

	res := send(t, c, "/back-office/documents-utiles/nouveau", map[string]string{"titre": "Mon enfant", "description": "Le site national.",
		"type": "lien", "adresse": "https://www.monenfant.fr/"}, nil, false)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/back-office/documents-utiles?fait=cree" {
		t.Fatalf("create: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	id := idOf(t, env, "Mon enfant")
	all := order(t, env)
	if all[len(all)-1] != "Mon enfant" || len(all) < 3 {
		t.Fatalf("a new entry goes last: %v", all)
	}
	her := env.Client()
	her.Login(demo.Logins[0].Identifiant, demo.Logins[0].Password)
	if page := her.Get("/documents-utiles"); page.Doc.Find(`a[href="https://www.monenfant.fr/"]`).Length() != 1 {
		t.Errorf("her page lacks the link: %s", page.Text())
	}

	// Edit: the form holds it; a change is saved.
	edit := c.Get("/back-office/documents-utiles/" + id + "/modifier")
	if v, _ := edit.Doc.Find("#document-adresse").Attr("value"); v != "https://www.monenfant.fr/" {
		t.Errorf("edit form: %q", v)
	}
	res = send(t, c, "/back-office/documents-utiles/"+id+"/modifier", map[string]string{"titre": "Mon enfant (site)", "type": "lien",
		"adresse": "https://monenfant.fr/"}, nil, true)
	if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/back-office/documents-utiles?fait=modifie" {
		t.Fatalf("update (htmx): %d", res.StatusCode)
	}
	id2 := idOf(t, env, "Mon enfant (site)")
	if id2 != id {
		t.Fatalf("updated entry: %s", id2)
	}

	// Up without JavaScript: the list's page, at the list.
	c.Get("/back-office/documents-utiles")
	res = c.Submit("/back-office/documents-utiles/"+id+"/monter", nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/back-office/documents-utiles#documents-liste" {
		t.Fatalf("up: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	now := order(t, env)
	if now[len(now)-2] != "Mon enfant (site)" || now[len(now)-1] != all[len(all)-2] {
		t.Errorf("after up: %v", now)
	}
	// Down with htmx: the list comes back in place, in the new order.
	res = c.Submit("/back-office/documents-utiles/"+id+"/descendre", nil, apptest.HTMX, apptest.Header{Name: "HX-Target", Value: "documents-liste"})
	titles := res.Doc.Find(".bo-documents__title").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	if res.StatusCode != http.StatusOK || res.Doc.Find("header.site-header").Length() != 0 || titles[len(titles)-1] != "Mon enfant (site)" {
		t.Errorf("down (htmx): %d %v", res.StatusCode, titles)
	}
	// The last has no "Descendre", the first no "Monter"; a move past the end changes nothing.
	if res.Doc.Find("#document-"+id+"-descendre").Length() != 0 || res.Doc.Find(".bo-documents li").First().Find(`button[id$="-monter"]`).Length() != 0 {
		t.Error("move buttons at the ends")
	}
	res = c.Submit("/back-office/documents-utiles/"+id+"/descendre", nil)
	if got := order(t, env); res.StatusCode != http.StatusSeeOther || strings.Join(got, "|") != strings.Join(append(all[:len(all)-1:len(all)-1], "Mon enfant (site)"), "|") {
		t.Errorf("down past the end: %d %v", res.StatusCode, got)
	}

	// Delete: the confirmation (plain and htmx), then the deletion.
	for _, htmx := range []bool{false, true} {
		conf := c.Get("/back-office/documents-utiles/"+id+"/supprimer", apptest.HTMXIf(htmx)...)
		if conf.StatusCode != http.StatusOK || !strings.Contains(conf.Text(), "Supprimer « Mon enfant (site) »") {
			t.Errorf("confirmation (htmx=%v): %d", htmx, conf.StatusCode)
		}
	}
	res = c.Submit("/back-office/documents-utiles/"+id+"/supprimer", nil)
	if res.StatusCode != http.StatusSeeOther || count(t, env, `SELECT count(*) FROM documents WHERE id = $1`, id) != 0 {
		t.Fatalf("delete: %d", res.StatusCode)
	}
	if !strings.Contains(c.Get(res.Header.Get("Location")).Text(), "Le document est supprimé.") {
		t.Error("no notice after deleting")
	}
	if page := her.Get("/documents-utiles"); strings.Contains(page.Text(), "Mon enfant") {
		t.Error("her page still shows the deleted entry")
	}
	for _, path := range []string{"/supprimer", "/modifier", "/monter"} {
		if res := c.Submit("/back-office/documents-utiles/"+id+path, nil); res.StatusCode != http.StatusNotFound {
			t.Errorf("POST %s of a deleted entry: %d", path, res.StatusCode)
		}
	}
	// One audit line per action: created, changed (edit, up, down), deleted.
	var lines []string
	rows, err := env.Pool.Query(t.Context(), `SELECT action FROM audit_log WHERE target = 'document:' || $1 ORDER BY id`, id)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, a)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(lines, " "); got != "document-cree document-modifie document-modifie document-modifie document-supprime" {
		t.Errorf("audit: %s", got)
	}
}
