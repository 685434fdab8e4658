package boassmats_test

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/boassmats"
	"github.com/departement06/extranet-assmat/app/db"
)

// newAssmat adds a childminder without a password, of that name and commune.
func newAssmat(t *testing.T, env *apptest.Env, login, nom, prenom, commune string) {
	t.Helper()
	if _, err := db.New(env.Pool).CreateAssmat(t.Context(), db.CreateAssmatParams{
		Login: login, Civilite: "Madame", Nom: nom, Prenom: prenom, DateNaissance: time.Date(1980, 1, 2, 0, 0, 0, 0, time.UTC),
		Adresse: "1 place de la Mairie", CodePostal: "06660", Commune: commune,
	}); err != nil {
		t.Fatal(err)
	}
}

// The search finds a childminder by name, first name, identifier or
// commune, whatever the case and the accents, plain and with htmx (which
// gets the results region alone, and the URL to push).
func TestSearchIgnoresCaseAndAccents(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	newAssmat(t, env, "300001", "LÉVÊQUE", "Hélène", "Saint-Étienne-de-Tinée")
	newAssmat(t, env, "42", "COURT", "Identifiant", "Menton")
	c := agent(t, env)
	cases := []struct {
		search string
		want   []string
	}{
		{"assmat", []string{"100001"}},
		{"ASSMAT", []string{"100001"}},
		{"gertrude", []string{"100001"}},
		{"la colle", []string{"100001"}},
		{"LA COLLE-SUR-LOUP", []string{"100001"}},
		{"100003", []string{"100003"}},
		{"10000", []string{"100001", "100002", "100003"}}, // NOM order: ASSMAT, PROVISOIRE, SANSMOTDEPASSE
		{"leveque", []string{"300001"}},
		{"HELENE", []string{"300001"}},
		{"hélène lévêque", nil}, // the name comes first in the searched text: "leveque helene"
		{"lévêque hélène", []string{"300001"}},
		{"saint etienne", nil}, // the hyphens are kept
		{"saint-etienne", []string{"300001"}},
		{"42", []string{"42"}}, // two characters: only that very identifier
		{"4", nil},
		{"10", nil},  // not a prefix search of every identifier
		{"10%", nil}, // % is a character, not a wildcard
		{"_0000", nil},
		{"nulle part", nil},
	}
	for _, tc := range cases {
		for _, htmx := range []bool{false, true} {
			path := "/back-office/assistants-maternels?recherche=" + urlQuery(tc.search)
			res := c.Get(path, apptest.HTMXIf(htmx)...)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s (htmx %v): %d", tc.search, htmx, res.StatusCode)
			}
			if got := logins(res); !slices.Equal(got, tc.want) {
				t.Errorf("%q (htmx %v): found %v, want %v", tc.search, htmx, got, tc.want)
			}
			if htmx {
				if strings.Contains(res.Body, "<html") || res.Doc.Find("#resultats-assmats").Length() != 1 {
					t.Errorf("%q: htmx got more or less than the results region", tc.search)
				}
				if said := strings.TrimSpace(res.Doc.Find("#resultats-assmats-annonce[hx-swap-oob]").Text()); said == "" ||
					!strings.Contains(res.Doc.Find("#resultats-assmats").Text(), said) {
					t.Errorf("%q: the status region is told %q", tc.search, said)
				}
				if push := res.Header.Get("HX-Push-Url"); !strings.HasPrefix(push, "/back-office/assistants-maternels?recherche=") {
					t.Errorf("%q: HX-Push-Url %q", tc.search, push)
				}
			} else if v, _ := res.Doc.Find("#recherche-assmats").Attr("value"); v != tc.search {
				t.Errorf("%q: the input holds %q", tc.search, v)
			}
			if len(tc.want) == 0 && !strings.Contains(res.Text(), "Aucun assistant maternel") {
				t.Errorf("%q: no 'Aucun assistant maternel' message: %s", tc.search, res.Text())
			}
		}
	}
	// A row links to her page.
	res := c.Get("/back-office/assistants-maternels?recherche=assmat")
	if href, _ := res.Doc.Find("#resultats-assmats tbody a").Attr("href"); href != "/back-office/assistants-maternels/100001" {
		t.Errorf("the row's link: %q", href)
	}
	if !strings.Contains(res.Text(), "ASSMAT Gertrude 100001 06480 La Colle-sur-Loup Actif") {
		t.Errorf("the row: %s", res.Text())
	}
	// A search without 3 letters or digits in a row has no trigram: it is
	// looked up as an identifier only (the index would be read whole), and
	// says how to search when none matches.
	for _, typed := range []string{"ab", "...", "a b c", "％％％"} {
		res := c.Get("/back-office/assistants-maternels?recherche=" + url.QueryEscape(typed))
		if !strings.Contains(res.Doc.Find("#resultats-assmats").Text(), "saisissez au moins 3 lettres ou chiffres à la suite") {
			t.Errorf("a search without a trigram, %q: %s", typed, res.Doc.Find("#resultats-assmats").Text())
		}
	}
	// What is typed is text: "＿" and "％" fold to LIKE's wildcards, and are
	// escaped once folded (migration 0012); "ass_at" typed matches no one.
	for _, typed := range []string{"ass＿at", "ass％", "ass_at", `ass\`} {
		res := c.Get("/back-office/assistants-maternels?recherche=" + url.QueryEscape(typed))
		if !strings.Contains(res.Text(), "Aucun assistant maternel ne correspond") {
			t.Errorf("search %q matched as a pattern: %s", typed, res.Doc.Find("#resultats-assmats").Text())
		}
	}
	// Nothing searched: no query but the session's, an invitation.
	env.Trips.Reset()
	c.Get("/back-office/assistants-maternels?recherche=assmat")
	searched := env.Trips.Trips()
	env.Trips.Reset()
	res = c.Get("/back-office/assistants-maternels")
	if n := env.Trips.Trips(); n != searched-1 || res.Doc.Find("#resultats-assmats table").Length() != 0 {
		t.Errorf("the empty search: %d round trips, a table: %d", n, res.Doc.Find("#resultats-assmats table").Length())
	}
}

// Results come 20 a page, each page its own URL; a malformed page is a 404,
// a page past the end sends to the first.
func TestSearchPages(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	for i := range 25 {
		newAssmat(t, env, fmt.Sprintf("4000%02d", i), fmt.Sprintf("VALLÉE%02d", i), "Anne", "Isola")
	}
	c := agent(t, env)
	res := c.Get("/back-office/assistants-maternels?recherche=isola")
	if got := logins(res); len(got) != 20 || got[0] != "400000" || got[19] != "400019" {
		t.Fatalf("page 1: %v", got)
	}
	if !strings.Contains(res.Text(), "25 assistants maternels trouvés pour « isola », page 1 sur 2") {
		t.Errorf("summary: %s", res.Text())
	}
	next, _ := res.Doc.Find(`.pagination a:not([aria-current])`).Attr("href")
	if next != "/back-office/assistants-maternels?page=2&recherche=isola" {
		t.Fatalf("link to page 2: %q", next)
	}
	for _, htmx := range []bool{false, true} {
		res = c.Get(next, apptest.HTMXIf(htmx)...)
		if got := logins(res); len(got) != 5 || got[0] != "400020" {
			t.Errorf("page 2 (htmx %v): %v", htmx, got)
		}
	}
	for _, bad := range []string{"0", "-1", "x", "10001"} {
		if res := c.Get("/back-office/assistants-maternels?recherche=isola&page=" + bad); res.StatusCode != http.StatusNotFound {
			t.Errorf("page %s: %d, want 404", bad, res.StatusCode)
		}
	}
	res = c.Get("/back-office/assistants-maternels?recherche=isola&page=9")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/back-office/assistants-maternels?recherche=isola" {
		t.Errorf("a page past the end: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	// A search the field refuses (a control character) is said in the field.
	res = c.Get("/back-office/assistants-maternels?recherche=a%01bc")
	if res.StatusCode != http.StatusUnprocessableEntity || res.Doc.Find("#recherche-assmats-erreur").Length() != 1 {
		t.Errorf("a control character: %d %s", res.StatusCode, res.Text())
	}
}

func urlQuery(s string) string {
	return strings.NewReplacer("%", "%25", " ", "+", "&", "%26", "#", "%23", "+", "%2B").Replace(s)
}

// A search that matches more than MaxResults childminders lists none and
// asks to refine it: exactly MaxResults still list (10 pages), one more
// does not, on every page.
func TestSearchBeyondTheBoundAsksToRefine(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	if _, err := env.Pool.Exec(t.Context(), `INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, situation_familiale,
		adresse, code_postal, commune)
		SELECT '5' || lpad(i::text, 5, '0'), 'Madame', 'ROUBION' || lpad(i::text, 3, '0'), 'Anne', '1980-01-02', 'Célibataire',
		       '1 place', '06420', 'Roubion'
		FROM generate_series(1, $1::int) i`, boassmats.MaxResults); err != nil {
		t.Fatal(err)
	}
	c := agent(t, env)
	res := c.Get("/back-office/assistants-maternels?recherche=roubion")
	if got := logins(res); len(got) != boassmats.PageSize ||
		!strings.Contains(res.Text(), fmt.Sprintf("%d assistants maternels trouvés", boassmats.MaxResults)) {
		t.Fatalf("exactly %d: %d listed, %s", boassmats.MaxResults, len(got), res.Text())
	}
	newAssmat(t, env, "599999", "ROUBION999", "Anne", "Roubion")
	// "roubion" starts their names and commune: told by those alone
	// (migration 0018); "oubion" is inside them: read through the trigram
	// index.
	for _, text := range []string{"roubion", "oubion"} {
		for _, htmx := range []bool{false, true} {
			res = c.Get("/back-office/assistants-maternels?recherche="+text, apptest.HTMXIf(htmx)...)
			want := fmt.Sprintf("Plus de %d assistants maternels correspondent à « %s » : précisez la recherche", boassmats.MaxResults, text)
			if res.StatusCode != http.StatusOK || len(logins(res)) != 0 || !strings.Contains(res.Text(), want) {
				t.Errorf("%s, one more (htmx %v): %d, %d listed, %s", text, htmx, res.StatusCode, len(logins(res)), res.Text())
			}
		}
		res = c.Get("/back-office/assistants-maternels?recherche=" + text + "&page=3")
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/back-office/assistants-maternels?recherche="+text {
			t.Errorf("%s, page 3 of too many: %d %q", text, res.StatusCode, res.Header.Get("Location"))
		}
	}
}
