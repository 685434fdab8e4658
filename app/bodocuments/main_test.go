package bodocuments_test

import (
	"archive/zip"
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

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
	if res := c.Get("/back-office/documents-utiles/nouveau"); res.StatusCode != http.StatusOK {
		t.Fatalf("the form: %d", res.StatusCode)
	}
	return c
}

// file is a file sent with a form.
type file struct {
	name    string
	content []byte
}

// send posts a multipart form as the page's form does (with its CSRF token).
func send(t *testing.T, c *apptest.Client, path string, values map[string]string, f *file, htmx bool) *apptest.Response {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	values["_csrf"] = c.CSRF
	for k, v := range values {
		if err := w.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if f != nil {
		fw, err := w.CreateFormFile("fichier", f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(f.content); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.Do(req, apptest.HTMXIf(htmx)...)
}

// A small but real PDF: one empty page.
var realPDF = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
	"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

// zipped is a ZIP archive of these entries, in this order.
func zipped(t *testing.T, entries ...[2]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, e := range entries {
		f, err := w.Create(e[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(e[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func docx(t *testing.T) []byte {
	return zipped(t,
		[2]string{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		[2]string{"word/document.xml", `<w:document/>`})
}

func count(t *testing.T, env *apptest.Env, sql string, args ...any) int {
	t.Helper()
	var n int
	env.QueryRow(sql, args, &n)
	return n
}
