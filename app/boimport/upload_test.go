package boimport_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/boimport"
	"github.com/departement06/extranet-assmat/app/demo"
)

// TestCheckThenImport: the sample checked (nothing written, the counts of
// what would be), imported (written, audited), imported again (nothing
// changes), plain and htmx.
func TestCheckThenImport(t *testing.T) {
	t.Parallel()
	for _, htmx := range []bool{false, true} {
		env := apptest.New(t)
		c := agent(t, env)
		file := sample(t)
		before := count(t, env, `SELECT count(*) FROM assmats`)

		res := send(t, c, boimport.ActionCheck, "genesis-exemple.csv", file, htmx)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("htmx %v: dry run: %d %s", htmx, res.StatusCode, res.Text())
		}
		if layout := strings.Contains(res.Body, "<html"); layout == htmx {
			t.Errorf("htmx %v: layout sent %v", htmx, layout)
		}
		text := res.Text()
		for _, want := range []string{"Vérification sans import", "rien n'a été enregistré", "10 créés", "genesis-exemple.csv"} {
			if !strings.Contains(text, want) {
				t.Errorf("htmx %v: dry run report lacks %q: %s", htmx, want, text)
			}
		}
		if got := res.Doc.Find(`table caption`).First().Text(); !strings.Contains(got, "ferait") {
			t.Errorf("htmx %v: counts' caption %q", htmx, got)
		}
		if got := res.Doc.Find(`table tbody tr`).First().Find(`th[scope="row"]`).Text(); got != "Assistants maternels" {
			t.Errorf("htmx %v: first row header %q", htmx, got)
		}
		if n := count(t, env, `SELECT count(*) FROM assmats`); n != before {
			t.Errorf("htmx %v: the dry run wrote %d childminders", htmx, n-before)
		}

		res = send(t, c, boimport.ActionImport, "genesis-exemple.csv", file, htmx)
		if res.StatusCode != http.StatusOK || !strings.Contains(res.Text(), "Import terminé") {
			t.Fatalf("htmx %v: import: %d %s", htmx, res.StatusCode, res.Text())
		}
		if n := count(t, env, `SELECT count(*) FROM assmats WHERE login LIKE '2000%'`); n != 10 {
			t.Errorf("htmx %v: %d childminders of the sample after the import, want 10", htmx, n)
		}
		if n := count(t, env, `SELECT count(*) FROM audit_log WHERE action = 'import'`); n != 1 {
			t.Errorf("htmx %v: %d audit lines of import, want 1 (the dry run writes none)", htmx, n)
		}
		// The demo's childminders are not in the sample: listed, kept.
		if !strings.Contains(res.Text(), "absents de l'export") || res.Doc.Find(".bo-import-report__missing li").Length() == 0 {
			t.Errorf("htmx %v: no absents listed: %s", htmx, res.Text())
		}
		if n := count(t, env, `SELECT count(*) FROM assmats WHERE login = $1`, demo.Logins[0].Identifiant); n != 1 {
			t.Errorf("htmx %v: a childminder absent from the export was deleted", htmx)
		}

		res = send(t, c, boimport.ActionImport, "genesis-exemple.csv", file, htmx)
		if text := res.Text(); res.StatusCode != http.StatusOK || !strings.Contains(text, "0 créé, 0 modifié") {
			t.Errorf("htmx %v: re-import: %d %s", htmx, res.StatusCode, text)
		}
	}
}

// TestBrokenFile: two broken rows, both named by line and column in the
// table; nothing changed.
func TestBrokenFile(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	lines := strings.Split(string(sample(t)), "\n")
	lines[2] = strings.Replace(lines[2], "05/11/1985", "31/02/1985", 1) // line 3
	lines[5] = strings.Replace(lines[5], ";06300;", ";6300;", 1)        // line 6
	before := count(t, env, `SELECT count(*) FROM assmats`)
	for _, htmx := range []bool{false, true} {
		res := send(t, c, boimport.ActionImport, "casse.csv", []byte(strings.Join(lines, "\n")), htmx)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("htmx %v: %d %s", htmx, res.StatusCode, res.Text())
		}
		if !strings.Contains(res.Text(), "Fichier refusé") {
			t.Errorf("htmx %v: %s", htmx, res.Text())
		}
		rows := res.Doc.Find(`table tbody tr`)
		var got []string
		rows.Each(func(_ int, r *goquery.Selection) {
			got = append(got, r.Find(`th[scope="row"]`).Text()+" "+r.Find("td").First().Text())
		})
		joined := strings.Join(got, " | ")
		if !strings.Contains(joined, "3 date_naissance") || !strings.Contains(joined, "6 code_postal") {
			t.Errorf("htmx %v: problems %q, want line 3 date_naissance and line 6 code_postal", htmx, joined)
		}
		if cap := res.Doc.Find("table caption").Text(); !strings.HasPrefix(strings.TrimSpace(cap), "Erreurs du fichier") {
			t.Errorf("htmx %v: caption %q", htmx, cap)
		}
	}
	if n := count(t, env, `SELECT count(*) FROM assmats`); n != before {
		t.Errorf("a refused file changed %d childminders", n-before)
	}
	if n := count(t, env, `SELECT count(*) FROM audit_log WHERE action = 'import'`); n != 0 {
		t.Errorf("%d audit lines for a refused file", n)
	}
}

// TestRefusedUploads: no file, not a CSV, a CSV not in UTF-8: refused in
// French on the form before any row is read.
func TestRefusedUploads(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	latin1 := []byte("identifiant;nom\r\n200001;B\xe9renger\r\n")
	for _, tc := range []struct {
		name    string
		content []byte
		want    string
	}{
		{"", nil, "Veuillez choisir le fichier à importer."},
		{"photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), boimport.MsgNotCSV},
		{"genesis.xlsx", []byte("PK\x03\x04"), boimport.MsgNotCSV},
		{"deguise.csv", []byte("PK\x03\x04\x14\x00\x00\x00"), boimport.MsgNotCSV},
		{"vide.csv", nil, boimport.MsgNotCSV},
		{"latin1.csv", latin1, boimport.MsgNotUTF8},
	} {
		for _, htmx := range []bool{false, true} {
			res := send(t, c, boimport.ActionImport, tc.name, tc.content, htmx)
			if res.StatusCode != http.StatusUnprocessableEntity || res.Doc.Find("#import-fichier-erreur, .field__error").Length() == 0 ||
				!strings.Contains(res.Text(), tc.want) {
				t.Errorf("%q (htmx %v): %d %s", tc.name, htmx, res.StatusCode, res.Text())
			}
		}
	}
	if n := count(t, env, `SELECT count(*) FROM audit_log WHERE action = 'import'`); n != 0 {
		t.Errorf("%d audit lines for refused uploads", n)
	}
}

func TestCheckFile(t *testing.T) {
	t.Parallel()
	cut := []byte("identifiant;nom\n1;B\xc3") // "é" split by the sample's end
	for _, tc := range []struct {
		name string
		head []byte
		want string
	}{
		{"a.csv", []byte("\ufeffidentifiant;nom\r\n"), ""},
		{"A.CSV", []byte("identifiant;nom\n"), ""},
		{"a.csv", cut, ""},
		{"a.txt", []byte("identifiant;nom\n"), boimport.MsgNotCSV},
		{"a.csv", []byte("a;b\x00"), boimport.MsgNotCSV},
		{"a.csv", []byte("B\xe9renger;\xe0\xe9\xe8\xe7;x"), boimport.MsgNotUTF8},
	} {
		if got := boimport.CheckFile(tc.name, tc.head); got != tc.want {
			t.Errorf("CheckFile(%q, %q) = %q, want %q", tc.name, tc.head, got, tc.want)
		}
	}
}
