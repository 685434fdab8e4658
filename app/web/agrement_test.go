package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/db"
)

// newAgrement gives a childminder an agrément valid until the given date.
func newAgrement(t *testing.T, env *apptest.Env, assmatID int64, numero string, until time.Time) {
	t.Helper()
	from := until.AddDate(-5, 0, 1)
	if _, err := db.New(env.Pool).CreateAgrement(context.Background(), db.CreateAgrementParams{
		AssmatID: assmatID, Numero: numero, Statut: "En cours de validité", DatePremiereDelivrance: &from,
		DateDebutValidite: &from, DateFinValidite: &until, CapaciteTotale: 2, CapaciteMoins3Ans: 1, CapacitePlus3Ans: 1,
		LieuExercice: "domicile", LieuAdresse: "5 rue de France", LieuCodePostal: "06000", LieuCommune: "Nice",
	}); err != nil {
		t.Fatal(err)
	}
}

// 100001's agrément (demo data), as the page shows it, plain and htmx: every
// field of the seed, the MAM and its exemption, the notice of its source.
func TestAgrementPageShowsEveryField(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	for _, htmx := range []bool{false, true} {
		res := c.Get("/mon-agrement", apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("htmx=%v: %d", htmx, res.StatusCode)
		}
		if isPage := res.Doc.Find("header.site-header").Length() > 0; isPage == htmx {
			t.Errorf("htmx=%v: full page %v", htmx, isPage)
		}
		text := res.Text()
		for _, want := range []string{
			"Mon agrément", "Numéro d'agrément : AGR-06-2019-100001", "Statut : En cours de validité",
			"Date de première délivrance : 01/09/2019", "Début de validité : 01/09/2024", "Fin de validité : 31/08/2029",
			"Nombre d'enfants accueillis simultanément : 4", "Dont enfants de moins de 3 ans : 3", "Dont enfants de plus de 3 ans : 1",
			"Lieu : En maison d'assistants maternels (MAM)", "Nom de la MAM : MAM Les Petits Loups de la Colle",
			"Adresse : 12 chemin des Combes, 06480 La Colle-sur-Loup",
			"Dérogations accordées Accueil d'un enfant de moins de 18 mois supplémentaire",
			"proviennent de l'application métier du département (Genesis Agréments)", "vous ne pouvez pas les modifier",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("htmx=%v: no %q in %q", htmx, want, text)
			}
		}
		// Read only: no form of its own (the layout's sign-out aside).
		fields := "main form, main input, main select, main textarea"
		if htmx {
			fields = "form, input, select, textarea" // the fragment has no layout
		}
		if n := res.Doc.Find(fields).Length(); n != 0 {
			t.Errorf("htmx=%v: %d form elements in a read-only page", htmx, n)
		}
		// Far from its end: no reminder.
		if strings.Contains(text, "Renouvellement") || strings.Contains(text, "expiré") {
			t.Errorf("htmx=%v: a reminder for an agrément valid until 2029: %q", htmx, text)
		}
	}
}

// The page reads the signed-in childminder's agréments only: B sees hers
// (ending soon, and an expired one), never A's, and A never B's; without any,
// a sentence says so.
func TestAgrementPageShowsOnlyHerOwnWithReminders(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	b := env.NewAssmat("200001", "Autre-assmat-2", false)
	cb := env.Client()
	cb.Login("200001", "Autre-assmat-2")
	none := cb.Get("/mon-agrement")
	if !strings.Contains(none.Text(), "Aucun agrément n'est enregistré pour votre compte.") || strings.Contains(none.Text(), "AGR-06-2019-100001") {
		t.Errorf("B without an agrément: %q", none.Text())
	}

	// The test clock is 29/11/2026: one ends within six months, one ended.
	newAgrement(t, env, b, "AGR-B-BIENTOT", time.Date(2027, 5, 28, 0, 0, 0, 0, time.UTC))
	newAgrement(t, env, b, "AGR-B-ECHU", time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC))
	newAgrement(t, env, b, "AGR-B-LOIN", time.Date(2027, 5, 29, 0, 0, 0, 0, time.UTC))
	for _, htmx := range []bool{false, true} {
		res := cb.Get("/mon-agrement", apptest.HTMXIf(htmx)...)
		cards := res.Doc.Find("section.agrement")
		if cards.Length() != 3 {
			t.Fatalf("htmx=%v: %d agréments, want 3: %q", htmx, cards.Length(), res.Text())
		}
		// Latest end first; the reminder and the expiry on their own card only.
		want := []struct{ numero, alert string }{
			{"AGR-B-LOIN", ""},
			{"AGR-B-BIENTOT", "Renouvellement : cet agrément prend fin le 28/05/2027. Pensez à demander son renouvellement"},
			{"AGR-B-ECHU", "Agrément expiré : cet agrément a pris fin le 28/11/2026."},
		}
		for i, w := range want {
			card := apptest.TextOf(cards.Eq(i))
			if !strings.Contains(card, "Agrément n° "+w.numero) {
				t.Errorf("htmx=%v: card %d is not %s: %q", htmx, i, w.numero, card)
			}
			hasAlert := cards.Eq(i).Find(".warning-box").Length() > 0
			if w.alert == "" && hasAlert || w.alert != "" && !strings.Contains(card, w.alert) {
				t.Errorf("htmx=%v: %s: alert %v, want %q in %q", htmx, w.numero, hasAlert, w.alert, card)
			}
		}
		if strings.Contains(res.Text(), "AGR-06-2019-100001") {
			t.Errorf("htmx=%v: B sees A's agrément", htmx)
		}
	}
	ca := env.Client()
	ca.Login("100001", "Demo-assmat1")
	if a := ca.Get("/mon-agrement").Text(); strings.Contains(a, "AGR-B-") || !strings.Contains(a, "AGR-06-2019-100001") {
		t.Errorf("A's page: %q", a)
	}
}

// The pages cost at most three round trips, the session included, and write
// nothing: the list, the agrément and a download.
func TestAgrementAndDocumentsCostAtMostThreeRoundTrips(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	var fileID int64
	env.QueryRow(`SELECT min(id) FROM documents WHERE file_content IS NOT NULL`, nil, &fileID)
	for _, p := range []string{"/mon-agrement", "/documents-utiles", "/documents-utiles/" + itoa(fileID) + "/fichier"} {
		for _, htmx := range []bool{false, true} {
			env.Trips.Reset()
			if res := c.Get(p, apptest.HTMXIf(htmx)...); res.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d", p, res.StatusCode)
			}
			if n, w := env.Trips.Trips(), env.Trips.Writes(); n > 3 || w > 0 {
				t.Errorf("%s (htmx=%v): %d round trips, %d writes", p, htmx, n, w)
			}
		}
	}
}
