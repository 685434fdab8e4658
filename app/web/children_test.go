package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/children"
)

// anna is the seed's declaration, as the form posts it. The test clock is
// 29/11/2026 (10:00 UTC).
func anna() url.Values {
	return apptest.Values(
		"nom", "ENFANTGARDE", "prenom", "Anna", "date-naissance", "01/01/2022",
		"g1-civilite", "Madame", "g1-nom", "ENFANTGARDE", "g1-prenom", "Maman", "g1-email", "mailmaman@mailperso.fr", "g1-telephone", "06 12 34 56 78",
		"g2-civilite", "Monsieur", "g2-nom", "ENFANTGARDE", "g2-prenom", "Papa", "g2-email", "mailpapa@mailpersoaussi.fr", "g2-telephone", "0623456789",
		"adresse", "147 boulevard du Mercantour", "code-postal", "06200", "commune", "Nice",
		"adresse-secondaire-differente", "1", "adresse2", "148 boulevard du Mercantour", "code-postal2", "06200", "commune2", "Nice",
		"periode-0-type", "standard", "periode-0-debut", "29/11/2026",
		"periode-1-type", "depassement", "periode-1-debut", "29/11/2026", "periode-1-fin", "30/11/2026", "periode-1-heures", "40",
		"action", "valider",
	)
}

func with(v url.Values, pairs ...string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			out.Del(pairs[i])
		} else {
			out.Set(pairs[i], pairs[i+1])
		}
	}
	return out
}

// declare posts a form and returns the new child's id, failing the test otherwise.
func declare(t *testing.T, env *apptest.Env, c *apptest.Client, form url.Values) int64 {
	t.Helper()
	c.Get("/enfants-accueillis/nouveau")
	res := c.Submit("/enfants-accueillis/nouveau", form)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/enfants-accueillis" {
		t.Fatalf("declare: %d %q", res.StatusCode, res.Text())
	}
	var id int64
	if err := env.Pool.QueryRow(context.Background(), `SELECT max(id) FROM children`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func path(id int64, action ...string) string {
	p := "/enfants-accueillis/" + itoa(id)
	for _, a := range action {
		p += "/" + a
	}
	return p
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestDeclareAChildPlainAndHTMX(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	empty := c.Get("/enfants-accueillis")
	for _, want := range []string{"Liste des enfants accueillis", "La loi vous oblige à déclarer sous 8 jours les enfants accueillis et à préciser les coordonnées des parents.",
		"Aucun enfant accueilli actuellement", "AJOUTER OU MODIFIER UN ENFANT", "Historique"} {
		if !strings.Contains(empty.Text(), want) {
			t.Errorf("list lacks %q", want)
		}
	}
	form := c.Get("/enfants-accueillis/nouveau")
	for _, id := range []string{"nom", "prenom", "date-naissance", "g1-civilite", "g2-telephone", "adresse", "code-postal", "commune", "adresse-secondaire-differente", "periode-0-type", "periode-0-debut"} {
		if form.Doc.Find("#"+id).Length() != 1 || form.Doc.Find(`label[for="`+id+`"]`).Length() != 1 {
			t.Errorf("#%s missing or unlabelled", id)
		}
	}
	if req, _ := form.Doc.Find("#nom").Attr("aria-required"); req != "true" {
		t.Error("required fields are not marked before submission")
	}

	// Plain POST.
	declare(t, env, c, anna())
	list := c.Get("/enfants-accueillis")
	if !strings.Contains(list.Text(), "La fiche de l'enfant est enregistrée.") || !strings.Contains(list.Text(), "ENFANTGARDE Anna 01/01/2022") {
		t.Errorf("list after declaring: %q", list.Text())
	}
	// htmx.
	c.Get("/enfants-accueillis/nouveau")
	res := c.Submit("/enfants-accueillis/nouveau", with(anna(), "prenom", "Paul"), apptest.HTMX)
	if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/enfants-accueillis" {
		t.Fatalf("htmx declare: %d %q", res.StatusCode, res.Header.Get("HX-Redirect"))
	}
	var n int
	var phone string
	var late bool
	err := env.Pool.QueryRow(context.Background(), `SELECT count(*), min(guardian1_phone), bool_or(declared_late) FROM children`).Scan(&n, &phone, &late)
	if err != nil || n != 2 || phone != "06 12 34 56 78" || late {
		t.Errorf("stored: %d children, phone %q, late %v, %v", n, phone, late, err)
	}
}

func TestValidationErrorsKeepEverythingTyped(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	c.Get("/enfants-accueillis/nouveau")
	bad := with(anna(), "adresse", "", "code-postal", "", "commune", "", "periode-1-heures", "68")
	for _, htmx := range []bool{false, true} {
		res := c.Submit("/enfants-accueillis/nouveau", bad, apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("htmx=%v: status %d", htmx, res.StatusCode)
		}
		banner := apptest.TextOf(res.Doc.Find("#erreurs"))
		for _, want := range []string{`ERREUR :`, `"Adresse principale" est un champ requis.`, `"Code postal de l'adresse principale" est un champ requis.`,
			`"Commune de l'adresse principale" est un champ requis.`, "le nombre d'heures saisi dépasse 50h par mois"} {
			if !strings.Contains(banner, want) {
				t.Errorf("htmx=%v: banner lacks %q: %s", htmx, want, banner)
			}
		}
		hours := res.Doc.Find("#periode-1-heures")
		if v, _ := hours.Attr("value"); v != "68" {
			t.Errorf("typed hours lost: %q", v)
		}
		if d, _ := hours.Attr("aria-describedby"); d != "periode-1-heures-erreur" || res.Doc.Find("#periode-1-heures-erreur").Text() != "le nombre d'heures saisi dépasse 50h par mois" {
			t.Errorf("hours error not tied to its field: %q", d)
		}
		for id, want := range map[string]string{"nom": "ENFANTGARDE", "g2-email": "mailpapa@mailpersoaussi.fr", "adresse2": "148 boulevard du Mercantour", "periode-1-fin": "30/11/2026"} {
			if v, _ := res.Doc.Find("#" + id).Attr("value"); v != want {
				t.Errorf("htmx=%v: #%s = %q, want %q", htmx, id, v, want)
			}
		}
		if sel := res.Doc.Find("#g1-civilite option[selected]").AttrOr("value", ""); sel != "Madame" {
			t.Errorf("civilité lost: %q", sel)
		}
		isPage := res.Doc.Find("header.site-header").Length() > 0
		if isPage == htmx || res.Doc.Find("#formulaire-enfant").Length() != 1 {
			t.Errorf("htmx=%v: full page %v", htmx, isPage)
		}
	}
	var n int
	env.QueryRow(`SELECT count(*) FROM children`, nil, &n)
	if n != 0 {
		t.Errorf("a refused form saved %d children", n)
	}
}

func TestBadInputIsRefusedInFrenchAndChangesNothing(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	c.Get("/enfants-accueillis/nouveau")
	cases := map[string]url.Values{
		"huge name":          with(anna(), "nom", strings.Repeat("A", 100_000)),
		"malformed date":     with(anna(), "date-naissance", "2022-13-45"),
		"future birth":       with(anna(), "date-naissance", "01/01/2030"),
		"hours as text":      with(anna(), "periode-1-heures", "beaucoup"),
		"unknown kind":       with(anna(), "periode-0-type", "'; DROP TABLE children; --"),
		"end before start":   with(anna(), "periode-1-fin", "28/11/2026"),
		"bad guardian email": with(anna(), "g1-email", "<script>alert(1)</script>"),
		"no period":          with(anna(), "periode-0-type", "", "periode-1-type", ""),
	}
	for name, form := range cases {
		res := c.Submit("/enfants-accueillis/nouveau", form)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), "ERREUR :") {
			t.Errorf("%s: %d", name, res.StatusCode)
		}
		if strings.Contains(res.Body, "<script>alert(1)</script>") {
			t.Errorf("%s: input echoed unescaped", name)
		}
	}
	// Injection strings are data: stored and shown as typed.
	id := declare(t, env, c, with(anna(), "nom", "O'Brien\"; DROP TABLE children; --", "prenom", "<b>Anna</b>"))
	view := c.Get(path(id))
	if !strings.Contains(view.Text(), "O'Brien\"; DROP TABLE children; --") || strings.Contains(view.Body, "<b>Anna</b>") {
		t.Errorf("injection not stored verbatim or not escaped")
	}
	var n int
	env.QueryRow(`SELECT count(*) FROM children`, nil, &n)
	if n != 1 {
		t.Errorf("%d children saved, want 1", n)
	}
}

func TestPeriodRowsAndSecondaryAddressWithAndWithoutJS(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	c.Get("/enfants-accueillis/nouveau")
	typed := with(anna(), "adresse-secondaire-differente", "", "adresse2", "", "code-postal2", "", "commune2", "")

	for _, htmx := range []bool{false, true} {
		// Add a row.
		res := c.Submit("/enfants-accueillis/nouveau", with(typed, "action", "ajouter-periode"), apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusOK || res.Doc.Find("#periode-2-type").Length() != 1 {
			t.Fatalf("htmx=%v add row: %d", htmx, res.StatusCode)
		}
		// htmx appends the new row alone (the rows typed stay in the page):
		// a few KB, not the whole section.
		if htmx && (strings.Count(res.Body, "<tr") != 1 || res.Doc.Find("#periodes, #nom").Length() != 0 || len(res.Body) > 3072) {
			t.Errorf("htmx add row should answer the new row only, in at most 3 KB: %d rows, %d bytes", strings.Count(res.Body, "<tr"), len(res.Body))
		}
		if htmx && res.Doc.Find(`#periode-2-type`).Length() != 1 || strings.Count(res.Body, "période 3") == 0 {
			t.Errorf("htmx=%v: the added row is not numbered 3", htmx)
		}
		if !htmx {
			if v, _ := res.Doc.Find("#nom").Attr("value"); v != "ENFANTGARDE" {
				t.Errorf("no-JS add row lost the name: %q", v)
			}
			if v, _ := res.Doc.Find("#periode-1-heures").Attr("value"); v != "40" {
				t.Errorf("no-JS add row lost an existing row: %q", v)
			}
		}
		// Remove a row: the others keep their index and values.
		res = c.Submit("/enfants-accueillis/nouveau", with(typed, "action", "supprimer-periode-0"), apptest.HTMXIf(htmx)...)
		if res.Doc.Find("#periode-0-type").Length() != 0 || res.Doc.Find("#periode-1-type").Length() != 1 {
			t.Errorf("htmx=%v remove row: rows %d", htmx, res.Doc.Find("tbody tr").Length())
		}
		// Change a type: the hours field opens for an overrun, closes otherwise.
		res = c.Submit("/enfants-accueillis/nouveau", with(typed, "periode-0-type", "depassement", "action", "actualiser-periodes"), apptest.HTMXIf(htmx)...)
		if _, disabled := res.Doc.Find("#periode-0-heures").Attr("disabled"); disabled {
			t.Errorf("htmx=%v: hours still disabled for an overrun", htmx)
		}
		res = c.Submit("/enfants-accueillis/nouveau", with(typed, "periode-1-type", "standard", "action", "actualiser-periodes"), apptest.HTMXIf(htmx)...)
		if _, disabled := res.Doc.Find("#periode-1-heures").Attr("disabled"); !disabled {
			t.Errorf("htmx=%v: hours enabled for a standard period", htmx)
		}
		// Tick the secondary address.
		res = c.Submit("/enfants-accueillis/nouveau", with(typed, "adresse-secondaire-differente", "1", "action", "actualiser-adresse"), apptest.HTMXIf(htmx)...)
		if res.Doc.Find("#adresse2").Length() != 1 || res.Doc.Find("#code-postal2").Length() != 1 {
			t.Errorf("htmx=%v: secondary address not shown", htmx)
		}
		if htmx && res.Doc.Find("#adresse-secondaire").Length() != 1 {
			t.Errorf("htmx toggle should answer the secondary address section")
		}
		res = c.Submit("/enfants-accueillis/nouveau", with(typed, "action", "actualiser-adresse"), apptest.HTMXIf(htmx)...)
		if res.Doc.Find("#adresse2").Length() != 0 {
			t.Errorf("htmx=%v: secondary address still shown once unticked", htmx)
		}
	}
	var n int
	env.QueryRow(`SELECT count(*) FROM children`, nil, &n)
	if n != 0 {
		t.Errorf("row actions saved %d children", n)
	}
}

func TestInlineFieldValidation(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	c.Get("/enfants-accueillis/nouveau")
	check := func(name string, form url.Values) *apptest.Response {
		return c.Submit("/enfants-accueillis/champ", form, apptest.HTMX, apptest.Header{Name: "HX-Trigger-Name", Value: name})
	}
	res := check("code-postal", apptest.Values("code-postal", "6200"))
	if res.StatusCode != http.StatusOK || res.Doc.Find(".field--error #code-postal").Length() != 1 ||
		!strings.Contains(res.Text(), "Le code postal doit comporter 5 chiffres") {
		t.Errorf("bad postcode: %q", res.Text())
	}
	res = check("code-postal", apptest.Values("code-postal", "06200"))
	if res.Doc.Find(".field--valid #code-postal").Length() != 1 || strings.Contains(res.Text(), "chiffres") {
		t.Errorf("good postcode: %q", res.Body)
	}
	res = check("periode-4-heures", apptest.Values("periode-4-type", "depassement", "periode-4-debut", "01/12/2026", "periode-4-heures", "51"))
	if !strings.Contains(res.Text(), "le nombre d'heures saisi dépasse 50h par mois") {
		t.Errorf("hours: %q", res.Text())
	}
	res = check("periode-4-fin", apptest.Values("periode-4-type", "standard", "periode-4-debut", "01/12/2026", "periode-4-fin", "30/11/2026"))
	if !strings.Contains(res.Text(), "La date de fin ne peut pas précéder la date de début.") {
		t.Errorf("end before start: %q", res.Text())
	}
	res = check("adresse2", apptest.Values("adresse-secondaire-differente", "1", "adresse2", ""))
	if !strings.Contains(res.Text(), `"Adresse secondaire" est un champ requis.`) {
		t.Errorf("secondary address: %q", res.Text())
	}
	if res := check("mot_de_passe", apptest.Values("mot_de_passe", "x")); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown field: %d", res.StatusCode)
	}
}

func TestEditAndConcurrentEdits(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	id := declare(t, env, c, anna())
	form := c.Get(path(id, "modifier"))
	if v, _ := form.Doc.Find("#g2-prenom").Attr("value"); v != "Papa" {
		t.Fatalf("edit form not prefilled: %q", v)
	}
	version, _ := form.Doc.Find(`input[name="version"]`).Attr("value")
	// Two tabs load the same version; the first saves, the second conflicts.
	first := c.Submit(path(id, "modifier"), with(anna(), "version", version, "prenom", "Annabelle"))
	if first.StatusCode != http.StatusSeeOther {
		t.Fatalf("first edit: %d", first.StatusCode)
	}
	for _, htmx := range []bool{false, true} {
		second := c.Submit(path(id, "modifier"), with(anna(), "version", version, "prenom", "Anne"), apptest.HTMXIf(htmx)...)
		if second.StatusCode != http.StatusConflict || !strings.Contains(second.Text(), "Cette fiche a été modifiée entre-temps") {
			t.Fatalf("htmx=%v second edit: %d", htmx, second.StatusCode)
		}
		if v, _ := second.Doc.Find("#prenom").Attr("value"); v != "Anne" {
			t.Errorf("the second edit lost its input: %q", v)
		}
	}
	var prenom string
	env.QueryRow(`SELECT prenom FROM children WHERE id = $1`, []any{id}, &prenom)
	if prenom != "Annabelle" {
		t.Errorf("the second edit overwrote the first: %q", prenom)
	}
	// Validating again from the conflict page saves, knowingly.
	second := c.Submit(path(id, "modifier"), with(anna(), "version", version, "prenom", "Anne"))
	newVersion, _ := second.Doc.Find(`input[name="version"]`).Attr("value")
	if res := c.Submit(path(id, "modifier"), with(anna(), "version", newVersion, "prenom", "Anne")); res.StatusCode != http.StatusSeeOther {
		t.Errorf("resubmit after conflict: %d", res.StatusCode)
	}
}

func TestChildMovesToHistoryAndIsLocked(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	id := declare(t, env, c, with(anna(), "periode-0-fin", "30/11/2026"))
	list := c.Get("/enfants-accueillis")
	if apptest.TextOf(list.Doc.Find("#en-cours-titre").Parent()) == "" || !strings.Contains(apptest.TextOf(list.Doc.Find("#en-cours-titre").Parent()), "Anna") {
		t.Fatal("Anna not in the current list")
	}
	env.Clock.Advance(48 * time.Hour) // 01/12/2026: both periods ended on 30/11
	c.Login("100001", "Demo-assmat1") // the session ended meanwhile
	list = c.Get("/enfants-accueillis")
	if strings.Contains(apptest.TextOf(list.Doc.Find("#en-cours-titre").Parent()), "Anna") ||
		!strings.Contains(apptest.TextOf(list.Doc.Find("#historique-titre").Parent()), "Anna") {
		t.Fatal("Anna did not move to the history")
	}
	if list.Doc.Find(`a[href="`+path(id, "modifier")+`"]`).Length() != 0 {
		t.Error("the history offers Modifier")
	}
	if res := c.Get(path(id)); res.StatusCode != http.StatusOK || !strings.Contains(res.Text(), "ne peut plus être modifiée") {
		t.Errorf("view of a historical child: %d", res.StatusCode)
	}
	for _, r := range []struct{ method, path string }{{"GET", path(id, "modifier")}, {"POST", path(id, "modifier")}, {"GET", path(id, "supprimer")}, {"POST", path(id, "supprimer")}} {
		var res *apptest.Response
		if r.method == "GET" {
			res = c.Get(r.path)
		} else {
			c.Get("/enfants-accueillis")
			res = c.Submit(r.path, with(anna(), "version", "1"))
		}
		if res.StatusCode != http.StatusConflict || !strings.Contains(res.Text(), "Fiche non modifiable") {
			t.Errorf("%s %s on a historical child: %d", r.method, r.path, res.StatusCode)
		}
	}
	var n int
	env.QueryRow(`SELECT count(*) FROM children WHERE id = $1 AND prenom = 'Anna'`, []any{id}, &n)
	if n != 1 {
		t.Error("the historical child was changed or deleted")
	}
}

func TestDeleteAfterConfirmation(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	id := declare(t, env, c, anna())
	page := c.Get(path(id, "supprimer"))
	if page.StatusCode != http.StatusOK || !strings.Contains(page.Text(), "Supprimer la fiche de Anna ENFANTGARDE ?") || page.Doc.Find("header.site-header").Length() != 1 {
		t.Fatalf("confirmation page: %d", page.StatusCode)
	}
	dialog := c.Get(path(id, "supprimer"), apptest.HTMX)
	if dialog.Doc.Find("dialog[data-modal]").Length() != 1 || dialog.Doc.Find("header.site-header").Length() != 0 {
		t.Errorf("htmx confirmation should be a dialog fragment")
	}
	res := c.Submit(path(id, "supprimer"), nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/enfants-accueillis" {
		t.Fatalf("delete: %d", res.StatusCode)
	}
	if !strings.Contains(c.Get("/enfants-accueillis").Text(), "La fiche de l'enfant a été supprimée.") {
		t.Error("no notice")
	}
	var n int
	env.QueryRow(`SELECT (SELECT count(*) FROM children) + (SELECT count(*) FROM care_periods)`, nil, &n)
	if n != 0 {
		t.Errorf("%d rows left", n)
	}
	if res := c.Get(path(id)); res.StatusCode != http.StatusNotFound {
		t.Errorf("deleted child: %d", res.StatusCode)
	}
	// With htmx (the dialog's form can be posted by htmx too).
	id = declare(t, env, c, anna())
	res = c.Submit(path(id, "supprimer"), nil, apptest.HTMX)
	if res.StatusCode != http.StatusNoContent || res.Header.Get("HX-Redirect") != "/enfants-accueillis" {
		t.Errorf("htmx delete: %d %q", res.StatusCode, res.Header.Get("HX-Redirect"))
	}
	if res := c.Get(path(id), apptest.HTMX); res.StatusCode != http.StatusNotFound {
		t.Errorf("htmx view of a deleted child: %d", res.StatusCode)
	}
}

// Another childminder's session gets 404 on every route of the child.
func TestAnotherChildmindersChildIsNotFound(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	owner := env.Client()
	owner.Login("100001", "Demo-assmat1")
	id := declare(t, env, owner, anna())
	other := env.Client()
	other.Login("100002", "Temp-2025a")
	other.Get("/changement-mot-de-passe")
	other.Submit("/changement-mot-de-passe", apptest.Values("mot_de_passe_actuel", "Temp-2025a", "mot_de_passe", "Josiane-2025", "verification", "Josiane-2025"))
	other.Login("100002", "Josiane-2025")
	other.Get("/enfants-accueillis")
	for _, r := range []struct{ method, path string }{
		{"GET", path(id)}, {"GET", path(id, "modifier")}, {"POST", path(id, "modifier")},
		{"GET", path(id, "supprimer")}, {"POST", path(id, "supprimer")},
	} {
		for _, htmx := range []bool{false, true} {
			var res *apptest.Response
			if r.method == "GET" {
				res = other.Get(r.path, apptest.HTMXIf(htmx)...)
			} else {
				res = other.Submit(r.path, with(anna(), "action", "ajouter-periode"), apptest.HTMXIf(htmx)...)
			}
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("%s %s (htmx=%v): %d, want 404", r.method, r.path, htmx, res.StatusCode)
			}
			if strings.Contains(res.Body, "ENFANTGARDE") {
				t.Errorf("%s %s leaks the child", r.method, r.path)
			}
		}
	}
	if strings.Contains(other.Get("/enfants-accueillis").Text(), "ENFANTGARDE") {
		t.Error("the other childminder's list shows the child")
	}
	for _, bad := range []string{"/enfants-accueillis/abc", "/enfants-accueillis/-1", "/enfants-accueillis/99999999999999999999"} {
		if res := other.Get(bad); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d", bad, res.StatusCode)
		}
	}
	var n int
	env.QueryRow(`SELECT count(*) FROM children WHERE id = $1 AND prenom = 'Anna'`, []any{id}, &n)
	if n != 1 {
		t.Error("the other childminder changed the child")
	}
}

func TestCapacityWarningAndLateDeclaration(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1") // agrément for 4 children
	for i := 0; i < 5; i++ {
		declare(t, env, c, with(anna(), "prenom", "Enfant"+string(rune('A'+i))))
	}
	list := c.Get("/enfants-accueillis")
	if !strings.Contains(list.Text(), "jusqu'à 5 enfants en même temps, au-delà de la capacité de votre agrément (4 enfants simultanément)") {
		t.Errorf("no capacity warning: %q", list.Text())
	}
	// A first period that started 9 days before today is declared late.
	declare(t, env, c, with(anna(), "prenom", "Tardif", "periode-0-debut", "20/11/2026", "periode-1-type", ""))
	var late bool
	if err := env.Pool.QueryRow(context.Background(), `SELECT declared_late FROM children WHERE prenom = 'Tardif'`).Scan(&late); err != nil || !late {
		t.Errorf("late declaration not flagged: %v %v", late, err)
	}
}

func TestChildrenPagesCostAtMostThreeRoundTrips(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	for i := 0; i < 3; i++ {
		declare(t, env, c, anna())
	}
	var id int64
	env.QueryRow(`SELECT min(id) FROM children`, nil, &id)
	for _, p := range []string{"/enfants-accueillis", path(id), path(id, "modifier"), path(id, "supprimer"), "/enfants-accueillis/nouveau"} {
		env.Trips.Reset()
		if res := c.Get(p); res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", p, res.StatusCode)
		}
		if n, w := env.Trips.Trips(), env.Trips.Writes(); n > 3 || w > 0 {
			t.Errorf("%s: %d round trips, %d writes", p, n, w)
		}
	}
}

// At the maximum of rows, "Ajouter une période" says why nothing is added,
// and every row typed stays.
func TestAddingARowBeyondTheMaximumSaysWhy(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	c.Get("/enfants-accueillis/nouveau")
	full := with(anna(), "action", "ajouter-periode")
	for i := 2; i < children.MaxPeriods; i++ {
		full.Set(fmt.Sprintf("periode-%d-type", i), "standard")
		full.Set(fmt.Sprintf("periode-%d-debut", i), "29/11/2026")
	}
	for _, htmx := range []bool{false, true} {
		res := c.Submit("/enfants-accueillis/nouveau", full, apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), "au plus 30 périodes") {
			t.Errorf("htmx=%v: %d %q", htmx, res.StatusCode, res.Text())
		}
		if rows := res.Doc.Find("#periodes tbody tr").Length(); rows != children.MaxPeriods {
			t.Errorf("htmx=%v: %d rows, want the %d typed", htmx, rows, children.MaxPeriods)
		}
		if htmx && (res.Doc.Find("#nom").Length() != 0 || res.Header.Get("HX-Retarget") != "#periodes" || res.Header.Get("HX-Reswap") != "outerHTML") {
			t.Errorf("htmx answer is not the periods section, retargeted: %q %q", res.Header.Get("HX-Retarget"), res.Header.Get("HX-Reswap"))
		}
	}
}

// The summary tells alike period errors apart: "Période 2 : …", while the
// message under the field stays short.
func TestPeriodErrorsAreNamedInTheSummary(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	c.Get("/enfants-accueillis/nouveau")
	res := c.Submit("/enfants-accueillis/nouveau", with(anna(), "periode-0-debut", "", "periode-1-debut", ""))
	summary := apptest.TextOf(res.Doc.Find(".error-banner"))
	for _, want := range []string{`Période 1 : "Date de début" est un champ requis.`, `Période 2 : "Date de début" est un champ requis.`} {
		if !strings.Contains(summary, want) {
			t.Errorf("summary lacks %q: %s", want, summary)
		}
	}
	if got := apptest.TextOf(res.Doc.Find("#periode-1-debut-erreur")); strings.Contains(got, "Période") {
		t.Errorf("the message under the field repeats the period: %q", got)
	}
}

// A list longer than one page reads says so instead of cutting in silence,
// and files no half-read child under the wrong list.
func TestAnOverlongChildrenListSaysItIsCut(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	var assmat int64
	env.QueryRow(`SELECT id FROM assmats WHERE login = '100001'`, nil, &assmat)
	// 2,600 children of two periods each: 5,200 rows, over the 5,000 read.
	if _, err := env.Pool.Exec(context.Background(), `
		WITH kids AS (
			INSERT INTO children (assmat_id, nom, prenom, date_naissance, adresse, code_postal, commune)
			SELECT $1, 'ENFANT', 'N' || lpad(i::text, 5, '0'), DATE '2022-01-01', '1 rue', '06000', 'Nice'
			FROM generate_series(1, 2600) AS i RETURNING id)
		INSERT INTO care_periods (child_id, kind, start_date, end_date, position)
		SELECT id, 'standard', d, CASE WHEN n = 0 THEN DATE '2025-12-31' END, n
		FROM kids, (VALUES (0, DATE '2025-01-01'), (1, DATE '2026-01-01')) AS p(n, d)`, assmat); err != nil {
		t.Fatal(err)
	}
	res := c.Get("/enfants-accueillis")
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Text(), "trop nombreuses pour être toutes affichées") {
		t.Fatalf("no word that the list is cut: %d", res.StatusCode)
	}
	if n := res.Doc.Find("#en-cours-titre ~ .table-wrap tbody tr").Length(); n != 2499 && n != 2500 {
		t.Errorf("%d children listed as current, want the 2,500 read (less a half-read one)", n)
	}
	if n := res.Doc.Find("#historique-titre ~ .table-wrap tbody tr").Length(); n != 0 {
		t.Errorf("%d children in the history: a half-read child was misfiled", n)
	}
}

// The history is shown 50 children a page, with links between the pages; a
// page that does not exist, or a forged one, is a 404. Each page costs what
// the first does.
func TestTheHistoryIsPaginated(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	declare(t, env, c, anna()) // one current child
	var assmat int64
	env.QueryRow(`SELECT id FROM assmats WHERE login = '100001'`, nil, &assmat)
	// 120 children whose only period ended in 2020.
	if _, err := env.Pool.Exec(context.Background(), `
		WITH kids AS (
			INSERT INTO children (assmat_id, nom, prenom, date_naissance, adresse, code_postal, commune)
			SELECT $1, 'ANCIEN', 'N' || lpad(i::text, 3, '0'), DATE '2016-01-01', '1 rue', '06000', 'Nice'
			FROM generate_series(1, 120) AS i RETURNING id)
		INSERT INTO care_periods (child_id, kind, start_date, end_date, position)
		SELECT id, 'standard', DATE '2019-01-01', DATE '2020-06-30', 0 FROM kids`, assmat); err != nil {
		t.Fatal(err)
	}
	history := func(res *apptest.Response) []string {
		var names []string
		res.Doc.Find("#historique-titre ~ .table-wrap tbody tr td:nth-child(2)").Each(func(_ int, s *goquery.Selection) {
			names = append(names, s.Text())
		})
		return names
	}
	for _, tc := range []struct {
		page        string
		first, last string
		rows        int
		prev, next  bool
	}{
		{"", "N001", "N050", 50, false, true},
		{"2", "N051", "N100", 50, true, true},
		{"3", "N101", "N120", 20, true, false},
	} {
		env.Trips.Reset()
		url := "/enfants-accueillis"
		if tc.page != "" {
			url += "?historique=" + tc.page
		}
		res := c.Get(url)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", url, res.StatusCode)
		}
		if n, w := env.Trips.Trips(), env.Trips.Writes(); n > 3 || w > 0 {
			t.Errorf("%s: %d round trips, %d writes", url, n, w)
		}
		names := history(res)
		if len(names) != tc.rows || names[0] != tc.first || names[len(names)-1] != tc.last {
			t.Errorf("%s: history %d rows %v…, want %d from %s to %s", url, len(names), names[:min(3, len(names))], tc.rows, tc.first, tc.last)
		}
		if n := res.Doc.Find("#en-cours-titre ~ .table-wrap tbody tr").Length(); n != 1 {
			t.Errorf("%s: %d current children, want 1 on every page", url, n)
		}
		if !strings.Contains(res.Text(), "120 enfants dans l'historique") {
			t.Errorf("%s: the page does not say how many children the history holds", url)
		}
		nav := res.Doc.Find(`nav.pagination[aria-label="Pages de l'historique"]`)
		if got := nav.Find(`a[rel=prev]`).Length() == 1; got != tc.prev {
			t.Errorf("%s: previous link %v, want %v", url, got, tc.prev)
		}
		if got := nav.Find(`a[rel=next]`).Length() == 1; got != tc.next {
			t.Errorf("%s: next link %v, want %v", url, got, tc.next)
		}
		want := tc.page
		if want == "" {
			want = "1"
		}
		if cur := nav.Find(`a[aria-current=page]`); cur.Length() != 1 || !strings.HasSuffix(cur.Text(), want) ||
			cur.AttrOr("href", "") != "/enfants-accueillis?historique="+want+"#historique-titre" {
			t.Errorf("%s: current page link %q %q", url, cur.Text(), cur.AttrOr("href", ""))
		}
	}
	for _, page := range []string{"4", "0", "-1", "abc", "1e3", "99999999999999999999", "2%00", "%EF%BC%92"} {
		if res := c.Get("/enfants-accueillis?historique=" + page); res.StatusCode != http.StatusNotFound {
			t.Errorf("page %q: %d, want 404", page, res.StatusCode)
		}
	}
}

// The inline check of a field of the third row keeps its label "(période 3)":
// the row's index does not say its place once rows were removed.
func TestInlineCheckKeepsTheRowNumber(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	c.Get("/enfants-accueillis/nouveau")
	res := c.Submit("/enfants-accueillis/champ",
		apptest.Values("periode-7-type", "standard", "periode-7-debut", "31/02/2026", "numero-periode", "3"),
		apptest.HTMX, apptest.Header{Name: "HX-Trigger-Name", Value: "periode-7-debut"})
	if label := strings.Join(strings.Fields(res.Doc.Find(`label[for="periode-7-debut"]`).Text()), " "); !strings.HasPrefix(label, "Date de début (période 3)") {
		t.Errorf("label %q, want « Date de début (période 3) »", label)
	}
	// The number travels from the row (hx-vals on the <tr>, inherited): the
	// swapped field must not carry one of its own that would override it.
	if vals, own := res.Doc.Find("#periode-7-debut").Attr("hx-vals"); own {
		t.Errorf("the swapped field posts its own %q", vals)
	}
	// A forged number is ignored, not shown.
	res = c.Submit("/enfants-accueillis/champ",
		apptest.Values("periode-7-type", "standard", "periode-7-debut", "01/02/2026", "numero-periode", "<b>9999</b>"),
		apptest.HTMX, apptest.Header{Name: "HX-Trigger-Name", Value: "periode-7-debut"})
	if res.StatusCode != http.StatusOK || strings.Contains(res.Body, "9999") {
		t.Errorf("forged number: %d %q", res.StatusCode, res.Body)
	}
}
