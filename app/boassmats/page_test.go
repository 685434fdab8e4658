package boassmats_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
)

// addChild declares a child of the childminder directly, with one period.
func addChild(t *testing.T, env *apptest.Env, login, prenom string, start string, end any, declared time.Time, late bool) {
	t.Helper()
	ctx := context.Background()
	var id int64
	if err := env.Pool.QueryRow(ctx, `INSERT INTO children (assmat_id, nom, prenom, date_naissance, adresse, code_postal, commune, declared_at, declared_late)
		SELECT id, 'ENFANT', $2, '2024-01-15', '1 rue', '06000', 'Nice', $3, $4 FROM assmats WHERE login = $1 RETURNING id`,
		login, prenom, declared, late).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Pool.Exec(ctx, `INSERT INTO care_periods (child_id, kind, start_date, end_date) VALUES ($1, 'standard', $2, $3)`,
		id, start, end); err != nil {
		t.Fatal(err)
	}
}

// Her page shows her identity, agréments, children current and history
// (with the declaration date and the late mark), her messages with their
// read state, and her account's state; each viewing is one audit line.
func TestAssmatPage(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	addChild(t, env, "100001", "Léa", "2026-09-01", nil, time.Date(2026, 9, 3, 10, 0, 0, 0, time.UTC), false)
	addChild(t, env, "100001", "Tom", "2026-10-01", "2027-06-30", time.Date(2026, 10, 20, 10, 0, 0, 0, time.UTC), true)
	addChild(t, env, "100001", "Zoé", "2025-01-06", "2025-12-19", time.Date(2025, 1, 7, 10, 0, 0, 0, time.UTC), false)
	c := agent(t, env)
	for _, htmx := range []bool{false, true} {
		res := c.Get("/back-office/assistants-maternels/100001", apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("htmx %v: %d", htmx, res.StatusCode)
		}
		text := res.Text()
		for _, want := range []string{
			"Madame Gertrude ASSMAT (identifiant 100001)",
			"État du compte : Actif",
			"Date de naissance : 02/02/1990",
			"Adresse : 1 Route de la Colle, 06480 La Colle-sur-Loup",
			"Adresse email : gertrude.assmat@example.fr",
			"Agrément n°",
			"Accueillis actuellement Enfant Né(e) le Accueil Déclaré le Léa ENFANT 15/01/2024 du 01/09/2026 sans date de fin 03/09/2026 " +
				"Tom ENFANT 15/01/2024 du 01/10/2026 au 30/06/2027 20/10/2026 Déclaré en retard",
			"Historique Enfant Né(e) le Accueil Déclaré le Zoé ENFANT 15/01/2024 du 06/01/2025 au 19/12/2025 07/01/2025",
			"Les 10 messages les plus récents",
			"Pièce manquante à votre dossier",
			"Non lu",
			"Lu le ",
			"Renouveler l'accès", "Passer en identifiant seul",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("htmx %v: the page does not say %q:\n%s", htmx, want, text)
			}
		}
		if strings.Contains(text, "Débloquer") || strings.Contains(text, "Connexion bloquée") {
			t.Errorf("an unlocked account offers to unlock it")
		}
		if htmx == strings.Contains(res.Body, "<html") {
			t.Errorf("htmx %v: a full page = %v", htmx, !htmx)
		}
	}
	if got := auditRows(t, env, "fiche-consultee"); len(got) != 2 || got[0] != "assmat:100001" {
		t.Errorf("audit lines: %v, want two for assmat:100001", got)
	}
	// An unknown identifier, or one no account can have: a 404, nothing recorded.
	for _, path := range []string{"/back-office/assistants-maternels/999999", "/back-office/assistants-maternels/a%20b",
		"/back-office/assistants-maternels/" + strings.Repeat("1", 33)} {
		if res := c.Get(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, res.StatusCode)
		}
	}
	if got := auditRows(t, env, "fiche-consultee"); len(got) != 2 {
		t.Errorf("a 404 was recorded: %v", got)
	}
}

// Each state of an account reads as such, with the actions that apply.
func TestAccountStates(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	for login, want := range map[string][]string{
		"100002": {"État du compte : Mot de passe temporaire non encore changé", "Renouveler l'accès", "Passer en identifiant seul"},
		"100003": {"État du compte : Identifiant seul", "Donner l'accès"},
	} {
		text := c.Get("/back-office/assistants-maternels/" + login).Text()
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the page does not say %q: %s", login, w, text)
			}
		}
		if login == "100003" && strings.Contains(text, "Passer en identifiant seul") {
			t.Errorf("100003 is identifier-only already, and is offered to become it")
		}
	}
	// Locked: 5 wrong passwords lock her identifier for a minute.
	d := env.Client()
	d.Get("/connexion")
	for range 5 {
		d.Submit("/connexion", apptest.Values("identifiant", "100001", "mot_de_passe", "Mauvais-mdp1"))
	}
	text := c.Get("/back-office/assistants-maternels/100001").Text()
	if !strings.Contains(text, "Connexion bloquée : trop de tentatives infructueuses ; les connexions sont suspendues jusqu'au 29/11/2026 à 11h01 (heure de Paris).") ||
		!strings.Contains(text, "Débloquer le compte") {
		t.Errorf("a locked account: %s", text)
	}
}

// Her page costs at most 3 round trips (the agent's session, then one batch)
// and writes exactly one row, its audit line; the search and the
// confirmation pages write nothing.
func TestRoundTrips(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	for _, tc := range []struct {
		path   string
		writes int64
	}{
		{"/back-office/assistants-maternels", 0},
		{"/back-office/assistants-maternels?recherche=assmat", 0},
		{"/back-office/assistants-maternels?recherche=42", 0},
		{"/back-office/assistants-maternels/100001", 1},
		{"/back-office/assistants-maternels/100001/acces", 0},
		{"/back-office/assistants-maternels/100001/identifiant-seul", 0},
		{"/back-office/assistants-maternels/100001/deblocage", 0},
	} {
		for _, htmx := range []bool{false, true} {
			env.Trips.Reset()
			if res := c.Get(tc.path, apptest.HTMXIf(htmx)...); res.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d", tc.path, res.StatusCode)
			}
			if n, w := env.Trips.Trips(), env.Trips.Writes(); n > 3 || w != tc.writes {
				t.Errorf("GET %s (htmx %v): %d round trips, %d writes; want ≤ 3 and %d", tc.path, htmx, n, w, tc.writes)
			}
		}
	}
}
