package boaudit_test

import (
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/demo"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func agent(t *testing.T, env *apptest.Env) *apptest.Client {
	t.Helper()
	c := env.Client()
	c.Get("/back-office/connexion")
	res := c.Submit("/back-office/connexion", apptest.Values("email", demo.AgentLogin.Identifiant, "mot_de_passe", demo.AgentLogin.Password))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("agent sign-in: %d", res.StatusCode)
	}
	return c
}

// actions are the Action column of a page.
func actions(res *apptest.Response) []string {
	var out []string
	res.Doc.Find("tbody tr").Each(func(_ int, s *goquery.Selection) { out = append(out, s.Find("td").Eq(2).Text()) })
	return out
}

// The log filters by agent, action and dates (Paris days, both ends
// included), pages with the filters kept in the links, newest first, plain
// and htmx, in at most 3 round trips; wrong dates are errors tied to their
// input (422).
func TestAuditLogFiltersAndPages(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := env.Pool.Exec(t.Context(), sql, args...); err != nil {
			t.Fatal(err)
		}
	}
	var claire, paul int64
	env.QueryRow(`SELECT id FROM agents WHERE login = 'agent@demo.local'`, nil, &claire)
	env.QueryRow(`INSERT INTO agents (email, login, nom, prenom) VALUES ('paul@departement06.fr', 'paul@departement06.fr', 'DURAND', 'Paul') RETURNING id`, nil, &paul)
	exec(`INSERT INTO audit_log (agent_id, action, target, details, created_at) VALUES
		($1, 'message-envoye', 'message:1', '{"destinataire": "100001"}', '2026-11-20 10:00+01'),
		($2, 'document-cree', 'document:9', '{"titre": "Guide"}', '2026-11-15 23:30+01'),
		($1, 'compte-debloque', 'assmat:100002', '{}', '2026-11-09 23:30+01')`, claire, paul)
	exec(`INSERT INTO audit_log (agent_id, action, target, created_at)
		SELECT $1, 'fiche-consultee', 'assmat:' || i, '2026-10-01 10:00+02'::timestamptz - i * interval '1 minute'
		FROM generate_series(1, 60) i`, paul)

	for _, htmx := range []bool{false, true} {
		h := apptest.HTMXIf(htmx)
		env.Trips.Reset()
		res := c.Get("/back-office/journal?agent="+strconv.FormatInt(paul, 10)+"&action=document-cree", h...)
		if trips := env.Trips.Trips(); res.StatusCode != http.StatusOK || trips > 3 {
			t.Fatalf("htmx=%v: %d in %d round trips", htmx, res.StatusCode, trips)
		}
		if got := actions(res); len(got) != 1 || got[0] != "Document créé" || !strings.Contains(res.Doc.Find("tbody").Text(), "titre : Guide") {
			t.Errorf("htmx=%v: Paul's documents: %v", htmx, got)
		}
		if htmx == (res.Doc.Find("header.site-header").Length() > 0) {
			t.Errorf("htmx=%v: layout", htmx)
		}
		if v, _ := res.Doc.Find(`#journal-action option[selected]`).Attr("value"); v != "document-cree" {
			t.Errorf("htmx=%v: the action filter shows %q", htmx, v)
		}
	}
	// 10/11 to 15/11: the 15th's late evening (Paris) is in, the 9th's is not.
	res := c.Get("/back-office/journal?du=10%2F11%2F2026&au=15%2F11%2F2026")
	if got := actions(res); len(got) != 1 || got[0] != "Document créé" {
		t.Errorf("10–15/11: %v", got)
	}
	res = c.Get("/back-office/journal?du=09%2F11%2F2026&au=20%2F11%2F2026&agent=" + strconv.FormatInt(claire, 10))
	if got := actions(res); len(got) != 2 || got[0] != "Message envoyé" || got[1] != "Compte débloqué" {
		t.Errorf("Claire 9–20/11, newest first: %v", got)
	}
	// One action, every agent.
	res = c.Get("/back-office/journal?action=compte-debloque")
	if got := actions(res); len(got) != 1 || got[0] != "Compte débloqué" {
		t.Errorf("unlocked accounts: %v", got)
	}
	// Every agent: her sign-in of today comes first.
	res = c.Get("/back-office/journal")
	if got := actions(res); len(got) != 50 || got[0] != "Connexion au back office" {
		t.Errorf("unfiltered: %d lines, first %v", len(got), got[:min(1, len(got))])
	}
	// Paul's 61 lines: page 2 holds 11, the link keeps the filter.
	res = c.Get("/back-office/journal?agent=" + strconv.FormatInt(paul, 10))
	next, _ := res.Doc.Find(`a[rel="next"]`).Attr("href")
	if next != "/back-office/journal?agent="+strconv.FormatInt(paul, 10)+"&page=2" {
		t.Fatalf("next link %q", next)
	}
	res = c.Get(next, apptest.HTMX)
	if got := actions(res); len(got) != 11 || res.Doc.Find(`a[rel="next"]`).Length() != 0 || res.Doc.Find(`a[rel="prev"]`).Length() != 1 {
		t.Errorf("page 2: %d lines", len(got))
	}
	for _, q := range []string{"du=31%2F02%2F2026", "du=20%2F11%2F2026&au=10%2F11%2F2026"} {
		for _, htmx := range []bool{false, true} {
			res := c.Get("/back-office/journal?"+q, apptest.HTMXIf(htmx)...)
			if res.StatusCode != http.StatusUnprocessableEntity || res.Doc.Find(`#erreurs a`).Length() != 1 || len(actions(res)) != 0 {
				t.Errorf("%s htmx=%v: %d %s", q, htmx, res.StatusCode, res.Doc.Find("#erreurs").Text())
			}
		}
	}
	if res := c.Get("/back-office/journal?page=0"); res.StatusCode != http.StatusNotFound {
		t.Errorf("page 0: %d", res.StatusCode)
	}
}
