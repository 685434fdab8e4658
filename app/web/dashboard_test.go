package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// The dashboard shows the five sections of the seed, in its order, each with
// "Voir plus..." to its page; each section holds only the childminder's own
// data (and the general messages); the page costs at most 3 round trips and
// writes nothing.
func TestDashboardShowsEverySection(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	ctx := context.Background()
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := env.Pool.Exec(ctx, sql, args...); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	var a, b int64
	env.QueryRow(`SELECT id FROM assmats WHERE login = '100001'`, nil, &a)
	env.QueryRow(`SELECT id FROM assmats WHERE login = '100002'`, nil, &b)
	exec(`DELETE FROM messages`)
	exec(`DELETE FROM documents`)
	exec(`DELETE FROM agrements`)
	exec(`DELETE FROM children`)
	// Seven messages for A (the section shows the latest 5), one archived,
	// and a personal one for B. The test clock is 29/11/2026.
	for i, m := range []struct {
		to      *int64
		subject string
		at      string
	}{
		{nil, "Général ancien", "2024-08-06 15:04+02"},
		{nil, "attention regardez la météo pour les alertes orange ou rouges", "2024-10-21 15:31+02"},
		{&a, "Personnel non lu", "2026-11-20 09:00+01"},
		{nil, "Général 4", "2025-01-10 10:00+01"},
		{nil, "Général 5", "2025-02-10 10:00+01"},
		{nil, "Général 6", "2025-03-10 10:00+01"},
		{&a, "Personnel archivé", "2026-11-25 09:00+01"},
		{&b, "Pour une autre assistante", "2026-11-26 09:00+01"},
	} {
		var id int64
		if err := env.Pool.QueryRow(ctx, `INSERT INTO messages (sender_service, subject, body, recipient_assmat_id, created_at)
			VALUES ('Service', $1, 'Texte', $2, $3) RETURNING id`, m.subject, m.to, m.at).Scan(&id); err != nil {
			t.Fatal(err)
		}
		if i == 6 {
			exec(`INSERT INTO message_states (assmat_id, message_id, archived_at) VALUES ($1, $2, now())`, a, id)
		}
	}
	exec(`INSERT INTO agrements (assmat_id, numero, statut, date_debut_validite, date_fin_validite, capacite_totale)
		VALUES ($1, 'AGR-A-1', 'Valide', '2021-09-01', '2026-08-31', 4), ($2, 'AGR-B-1', 'Valide', '2020-01-01', NULL, 3)`, a, b)
	exec(`INSERT INTO documents (title, url, position) VALUES
		('Documentation du portail Extranet', 'https://www.departement06.fr/extranet', 1),
		('Lien piégé', 'javascript:alert(1)', 2)`)
	exec(`INSERT INTO documents (title, file_name, file_type, file_content, position) VALUES ('Guide PDF', 'guide.pdf', 'application/pdf', '\x255044462d', 3)`)
	exec(`WITH k AS (INSERT INTO children (assmat_id, nom, prenom, date_naissance, adresse, code_postal, commune)
		VALUES ($1, 'ACTUEL', 'Anna', '2022-01-01', '1 rue', '06000', 'Nice'),
		       ($1, 'ANCIEN', 'Paul', '2018-01-01', '1 rue', '06000', 'Nice'),
		       ($2, 'AUTRE', 'Zoé', '2022-01-01', '1 rue', '06000', 'Nice') RETURNING id, nom)
		INSERT INTO care_periods (child_id, kind, start_date, end_date, position)
		SELECT id, 'standard', '2020-01-01', CASE WHEN nom = 'ANCIEN' THEN DATE '2021-01-01' END, 0 FROM k`, a, b)

	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	env.Trips.Reset()
	res := c.Get(paths.Dashboard)
	if n, w := env.Trips.Trips(), env.Trips.Writes(); n > 3 || w > 0 {
		t.Errorf("dashboard: %d round trips, %d writes", n, w)
	}
	var titles []string
	res.Doc.Find("main section h2").Each(func(_ int, s *goquery.Selection) { titles = append(titles, s.Text()) })
	if got := strings.Join(titles, " | "); got != "Mes informations personnelles | Mes messages | Enfants accueillis | Mon agrément | Documents utiles" {
		t.Errorf("sections: %s", got)
	}
	for href, about := range map[string]string{"/mon-compte": "sur mes informations personnelles", "/messages": "sur mes messages",
		"/enfants-accueillis": "sur les enfants accueillis", "/mon-agrement": "sur mon agrément", "/documents-utiles": "sur les documents utiles"} {
		if more := res.Doc.Find(`.card__more a[href="` + href + `"]`); !strings.HasPrefix(more.Text(), "Voir plus...") || more.Find(".visually-hidden").Text() != about {
			t.Errorf("Voir plus of %s: %q", href, more.Text())
		}
	}
	section := func(id string) *goquery.Selection { return res.Doc.Find(`section[aria-labelledby="` + id + `"]`) }
	rows := section("messages-titre").Find("tbody tr")
	if rows.Length() != 5 {
		t.Errorf("%d messages, want the latest 5", rows.Length())
	}
	first := cellsText(rows.First().Find("td"))
	if first != "Le 20/11/2026 à 09:00 Personnel Non lu : Personnel non lu" {
		t.Errorf("latest message: %q", first)
	}
	text := section("messages-titre").Text()
	for _, hidden := range []string{"Personnel archivé", "Pour une autre assistante", "Général ancien"} {
		if strings.Contains(text, hidden) {
			t.Errorf("the messages section shows %q", hidden)
		}
	}
	if kids := strings.Join(strings.Fields(section("enfants-titre").Find("ul").Text()), " "); kids != "Anna ACTUEL" {
		t.Errorf("children: %q, want only the current child of A", kids)
	}
	agr := cellsText(section("agrement-titre").Find("dt, dd"))
	if agr != "Numéro d'agrément : AGR-A-1 Validité : du 01/09/2021 au 31/08/2026 Capacité : 4 enfants simultanément" {
		t.Errorf("agrément: %q", agr)
	}
	docs := section("documents-titre").Find("a:not(.card__more a)")
	var links []string
	docs.Each(func(_ int, s *goquery.Selection) { links = append(links, s.AttrOr("href", "")+" "+s.Text()) })
	if got := strings.Join(links, " | "); !strings.Contains(got, "https://www.departement06.fr/extranet Documentation du portail Extranet (site externe") ||
		!strings.Contains(got, "/fichier Guide PDF (PDF") || strings.Contains(got, "javascript") || strings.Contains(got, "Lien piégé") {
		t.Errorf("documents: %s", got)
	}

	// An account with nothing yet says so in each section.
	exec(`DELETE FROM messages`)
	exec(`DELETE FROM documents`)
	exec(`DELETE FROM agrements`)
	exec(`DELETE FROM children`)
	empty := c.Get(paths.Dashboard).Text()
	for _, want := range []string{"Aucun message", "Aucun enfant accueilli actuellement", "Aucun agrément enregistré.", components.NoDocuments} {
		if !strings.Contains(empty, want) {
			t.Errorf("empty dashboard does not say %q", want)
		}
	}
}

// cellsText is the text of each element, spaces normalised, joined by a space.
func cellsText(s *goquery.Selection) string {
	var parts []string
	s.Each(func(_ int, e *goquery.Selection) { parts = append(parts, strings.Join(strings.Fields(e.Text()), " ")) })
	return strings.Join(parts, " ")
}
