package bodocuments_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/bodocuments"
	"github.com/departement06/extranet-assmat/app/demo"
)

// Uploads are checked by their content: a real PDF, a DOCX and an ODT are
// published (and audited); an executable or a page renamed .pdf, another
// extension, a file over 10 MB are refused in French, plain and htmx, and
// nothing is saved. A published file reaches the childminders' page.
func TestUploadsAreCheckedByContent(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := agent(t, env)
	before := count(t, env, `SELECT count(*) FROM documents`)
	odt := zipped(t, [2]string{"mimetype", "application/vnd.oasis.opendocument.text"}, [2]string{"content.xml", "<office:document-content/>"})
	big := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("0"), bodocuments.MaxFileSize)...)
	for _, tc := range []struct {
		name string
		f    file
		want string
	}{
		{"an executable renamed .pdf", file{"notice.pdf", append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 200)...)}, bodocuments.MsgFileMismatch},
		{"a web page renamed .pdf", file{"notice.pdf", []byte("<html><script>alert(1)</script></html>")}, bodocuments.MsgFileMismatch},
		{"a PDF named .docx", file{"notice.docx", realPDF}, bodocuments.MsgFileMismatch},
		{"a ZIP named .docx", file{"notice.docx", zipped(t, [2]string{"a.txt", "a"})}, bodocuments.MsgFileMismatch},
		{"an .exe", file{"setup.exe", realPDF}, bodocuments.MsgFileFormat},
		{"over 10 MB", file{"gros.pdf", big}, bodocuments.MsgFileTooLarge},
	} {
		for _, htmx := range []bool{false, true} {
			res := send(t, c, "/back-office/documents-utiles/nouveau", map[string]string{"titre": "Guide", "type": "fichier"}, &tc.f, htmx)
			if res.StatusCode != http.StatusUnprocessableEntity || res.Doc.Find("#document-fichier-erreur").Text() != tc.want ||
				res.Doc.Find(`#erreurs a[href="#document-fichier"]`).Length() != 1 {
				t.Errorf("%s (htmx=%v): %d %q", tc.name, htmx, res.StatusCode, res.Doc.Find("#document-fichier-erreur").Text())
			}
			if htmx == (res.Doc.Find("header.site-header").Length() > 0) {
				t.Errorf("%s (htmx=%v): layout", tc.name, htmx)
			}
		}
	}
	if n := count(t, env, `SELECT count(*) FROM documents`); n != before {
		t.Fatalf("refused files saved %d entries", n-before)
	}

	for i, tc := range []struct {
		f        file
		stored   string
		htmx     bool
		wantCode int
	}{
		{file{"Guide des assistants maternels.pdf", realPDF}, "application/pdf", false, http.StatusSeeOther},
		{file{"Contrat type.docx", docx(t)}, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", true, http.StatusNoContent},
		{file{"Fiche.odt", odt}, "application/vnd.oasis.opendocument.text", false, http.StatusSeeOther},
	} {
		title := "Publié " + string(rune('A'+i))
		res := send(t, c, "/back-office/documents-utiles/nouveau", map[string]string{"titre": title, "description": "À lire.", "type": "fichier"}, &tc.f, tc.htmx)
		if res.StatusCode != tc.wantCode {
			t.Fatalf("%s: %d %s", tc.f.name, res.StatusCode, res.Doc.Find("#erreurs").Text())
		}
		var stored string
		var content []byte
		var id int64
		env.QueryRow(`SELECT id, file_type, file_content FROM documents WHERE title = $1`, []any{title}, &id, &stored, &content)
		if stored != tc.stored || !bytes.Equal(content, tc.f.content) {
			t.Errorf("%s stored as %q (%d bytes)", tc.f.name, stored, len(content))
		}
		if n := count(t, env, `SELECT count(*) FROM audit_log WHERE action = 'document-cree' AND target = 'document:' || $1::bigint
			AND details->>'fichier' = $2`, id, tc.f.name); n != 1 {
			t.Errorf("%s: %d audit line(s)", tc.f.name, n)
		}
	}
	// The last one published is last on her page, and downloads.
	her := env.Client()
	her.Login(demo.Logins[0].Identifiant, demo.Logins[0].Password)
	page := her.Get("/documents-utiles")
	items := page.Doc.Find(".page li")
	last := apptest.TextOf(items.Last())
	if !strings.Contains(last, "Publié C") || !strings.Contains(page.Text(), "Publié A") {
		t.Fatalf("her page: %s", page.Text())
	}
	href, _ := page.Doc.Find(`a[download]`).FilterFunction(func(_ int, s *goquery.Selection) bool {
		return strings.Contains(s.Text(), "Publié A")
	}).Attr("href")
	if dl := her.Get(href); dl.StatusCode != http.StatusOK || dl.Body != string(realPDF) {
		t.Errorf("download %q: %d, %d bytes", href, dl.StatusCode, len(dl.Body))
	}
}
