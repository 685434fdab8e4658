package boexport_test

import (
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/boexport"
	"github.com/departement06/extranet-assmat/app/demo"
)

const bom = "\ufeff"

// records checks the file's framing (BOM, CRLF after every line, the
// header) and reads it back with a CSV reader set like a French
// spreadsheet: ";" between fields.
func records(t *testing.T, res *apptest.Response) [][]string {
	t.Helper()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, res.Body)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	body, ok := strings.CutPrefix(res.Body, bom)
	if !ok {
		t.Fatalf("no BOM: %q", res.Body[:min(20, len(res.Body))])
	}
	if !strings.HasSuffix(body, "\r\n") || strings.Count(body, "\n") != strings.Count(body, "\r\n") {
		t.Errorf("lines not ended by CRLF: %q", body)
	}
	r := csv.NewReader(strings.NewReader(body))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("reading the file back: %v", err)
	}
	if len(recs) == 0 || strings.Join(recs[0], "|") != strings.Join(boexport.Header, "|") {
		t.Fatalf("header %q", recs)
	}
	return recs[1:]
}

// column is a record's cell by its header.
func column(t *testing.T, rec []string, name string) string {
	t.Helper()
	for i, h := range boexport.Header {
		if h == name {
			return rec[i]
		}
	}
	t.Fatalf("no column %q", name)
	return ""
}

func TestExportOfACommune(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	today := fixture(t, env)
	c := agent(t, env)
	// Typed without accents nor capitals: the commune is compared folded.
	res := c.Get(boexport.PathFile + "?commune=saint-etienne-de-tinee")
	recs := records(t, res)
	want := `attachment; filename="declarations-saint-etienne-de-tinee-` + today.Format("2006-01-02") + `.csv"`
	if got := res.Header.Get("Content-Disposition"); got != want {
		t.Errorf("Content-Disposition %q, want %q", got, want)
	}
	if len(recs) != 1 {
		t.Fatalf("%d children, want 1 (Éloïse; Gaspard is in the history, Côme in Èze): %q", len(recs), recs)
	}
	r := recs[0]
	end := today.Format("02/01/2006")
	start := today.AddDate(0, 0, -10).Format("02/01/2006")
	for name, want := range map[string]string{
		"Identifiant assistant maternel": "900001",
		"Nom assistant maternel":         "LÉGER",
		"Commune assistant maternel":     "Saint-Étienne-de-Tinée",
		"Nom enfant":                     "FRANÇOIS",
		"Prénom enfant":                  "Éloïse",
		"Date de naissance":              "14/03/2025",
		"Date de déclaration":            "03/09/2026",
		"Déclaration tardive":            "oui",
		"Civilité responsable 1":         "Madame",
		// Formulas are text: a leading quote.
		"Nom responsable 1":       `'=HYPERLINK("http://exemple.test";"clic")`,
		"Email responsable 1":     "'@SUM(A1)",
		"Téléphone responsable 1": "'+33 6 12 34 56 78",
		"Prénom responsable 2":    "Noël",
		"Email responsable 2":     "",
		"Adresse":                 "12 rue de l'Écluse; bâtiment B",
		"Adresse secondaire":      "'-2 chemin des Prés",
		"Commune secondaire":      "Isola",
		"Périodes d'accueil": "Garde standard du 01/09/2026, sans date de fin, 120 h/mois (mercredis) | " +
			"Dépassement exceptionnel du " + start + " au " + end,
	} {
		if got := column(t, r, name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	// The audit line, with the scope.
	var target, details string
	env.QueryRow(`SELECT target, details::text FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1`, nil, &target, &details)
	if target != "commune:saint-etienne-de-tinee" || !strings.Contains(details, `"commune": "saint-etienne-de-tinee"`) {
		t.Errorf("audit line: %q %s", target, details)
	}
}

func TestExportOfAChildminder(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	fixture(t, env)
	c := agent(t, env)
	recs := records(t, c.Get(boexport.PathFile+"?assmat=900002"))
	if len(recs) != 1 || column(t, recs[0], "Prénom enfant") != "Côme" || column(t, recs[0], "Commune assistant maternel") != "Èze" {
		t.Fatalf("900002's export: %q", recs)
	}
	var n int
	env.QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'export' AND target = 'assmat:900002'`, nil, &n)
	if n != 1 {
		t.Errorf("%d audit lines for 900002's export, want 1", n)
	}
	// Her identifier with another commune: nobody, said on the form.
	res := c.Get(boexport.PathFile + "?assmat=900002&commune=Nice")
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), "Aucun assistant maternel ne correspond") {
		t.Errorf("900002 in Nice: %d %q", res.StatusCode, res.Text())
	}
}

// TestExportOfAll: every current child of the database, each once — counted
// by the database independently of the export's query.
func TestExportOfAll(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	today := fixture(t, env)
	c := agent(t, env)
	recs := records(t, c.Get(boexport.PathFile))
	var want int
	env.QueryRow(`SELECT count(DISTINCT child_id) FROM care_periods WHERE end_date IS NULL OR end_date >= $1`, []any{today}, &want)
	if len(recs) != want || want < 2 {
		t.Fatalf("%d rows, want %d current children (demo + fixture)", len(recs), want)
	}
	seen := map[string]bool{}
	for _, r := range recs {
		if column(t, r, "Prénom enfant") == "Gaspard" {
			t.Error("a child of the history is exported")
		}
		seen[column(t, r, "Identifiant assistant maternel")] = true
	}
	if !seen["900001"] || !seen["900002"] {
		t.Errorf("childminders of the export: %v", seen)
	}
	res := c.Get(boexport.PathFile)
	if got := res.Header.Get("Content-Disposition"); got != `attachment; filename="declarations-`+today.Format("2006-01-02")+`.csv"` {
		t.Errorf("Content-Disposition %q", got)
	}
}

func TestExportRefusals(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	fixture(t, env)
	c := agent(t, env)
	for _, htmx := range []bool{false, true} {
		res := c.Get(boexport.PathForm, apptest.HTMXIf(htmx)...)
		if res.StatusCode != http.StatusOK || res.Doc.Find(`form[method="get"][action="`+boexport.PathFile+`"] #export-commune`).Length() != 1 {
			t.Errorf("the form (htmx %v): %d", htmx, res.StatusCode)
		}
	}
	res := c.Get(boexport.PathFile + "?commune=Trifouilly")
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Text(), "Aucun assistant maternel ne correspond") ||
		res.Doc.Find(`#export-commune`).AttrOr("value", "") != "Trifouilly" {
		t.Errorf("unknown commune: %d %q", res.StatusCode, res.Text())
	}
	res = c.Get(boexport.PathFile + "?commune=" + strings.Repeat("a", 101))
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("101-character commune: %d", res.StatusCode)
	}
	var n int
	env.QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'export'`, nil, &n)
	if n != 0 {
		t.Errorf("%d audit lines for refused exports", n)
	}
	// A childminder's session reaches neither.
	kid := env.Client()
	kid.Login(demo.Logins[0].Identifiant, demo.Logins[0].Password)
	for _, p := range []string{boexport.PathForm, boexport.PathFile} {
		if res := kid.Get(p); res.StatusCode != http.StatusNotFound {
			t.Errorf("childminder on %s: %d", p, res.StatusCode)
		}
	}
}
