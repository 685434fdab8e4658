package documents

import (
	"strings"
	"testing"
)

func TestSizeInFrench(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 octet", 1: "1 octet", 812: "812 octets", 1023: "1023 octets", 1024: "1 Ko",
		250_880: "245 Ko", 1024*1024 - 1: "1024 Ko", 1024 * 1024: "1 Mo", 1_258_291: "1,2 Mo", 15 * 1024 * 1024: "15 Mo",
	} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestServedTypeKeepsKnownFormatsOnly(t *testing.T) {
	for stored, want := range map[string]string{
		"application/pdf": "application/pdf", " Application/PDF ": "application/pdf",
		"application/vnd.oasis.opendocument.text": "application/vnd.oasis.opendocument.text",
		"text/html": octetStream, "image/svg+xml": octetStream, "": octetStream, "application/pdf\r\nX: y": octetStream,
	} {
		if got := ServedType(stored); got != want {
			t.Errorf("ServedType(%q) = %q, want %q", stored, got, want)
		}
	}
	if Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") != "Excel" || Kind("text/html") != "fichier" {
		t.Errorf("Kind: %q %q", Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), Kind("text/html"))
	}
}

func TestContentDispositionOfHostileNames(t *testing.T) {
	for name, want := range map[string]string{
		"Guide.pdf":               `attachment; filename="Guide.pdf"; filename*=UTF-8''Guide.pdf`,
		"Réglement intérieur.odt": `attachment; filename="R_glement int_rieur.odt"; filename*=UTF-8''R%C3%A9glement%20int%C3%A9rieur.odt`,
		"../../etc/passwd":        `attachment; filename="passwd"; filename*=UTF-8''passwd`,
		`C:\Users\x\"a".pdf`:      `attachment; filename="a.pdf"; filename*=UTF-8''a.pdf`,
		"a\r\nSet-Cookie: b=1":    `attachment; filename="aSet-Cookie: b=1"; filename*=UTF-8''aSet-Cookie%3A%20b%3D1`,
		"50%;x.pdf":               `attachment; filename="50__x.pdf"; filename*=UTF-8''50%25%3Bx.pdf`,
		"":                        `attachment; filename="document"; filename*=UTF-8''document`,
		"..":                      `attachment; filename="document"; filename*=UTF-8''document`,
		"a\u202egpj.exe":          `attachment; filename="agpj.exe"; filename*=UTF-8''agpj.exe`,
	} {
		got := ContentDisposition(name)
		if got != want {
			t.Errorf("ContentDisposition(%q)\n got %s\nwant %s", name, got, want)
		}
		if strings.ContainsAny(got, "\r\n\x00") {
			t.Errorf("ContentDisposition(%q) holds a control character: %q", name, got)
		}
	}
}

// Only http(s) addresses become links; a file wins over a link.
func TestPropsLinksAndFiles(t *testing.T) {
	p := Props([]Document{
		{ID: 3, Title: "Fichier", HasFile: true, FileType: "application/pdf", FileSize: 2048, URL: "https://ignored.example/"},
		{ID: 4, Title: "Site", URL: "https://www.monenfant.fr/accueil"},
		{ID: 5, Title: "Piège", URL: "javascript:alert(1)"},
		{ID: 6, Title: "Relatif", URL: "/ailleurs"},
	})
	d := p.Documents
	if d[0].FileURL != "/documents-utiles/3/fichier" || d[0].FileKind != "PDF" || d[0].FileSize != "2 Ko" || d[0].URL != "" {
		t.Errorf("file: %+v", d[0])
	}
	if d[1].URL != "https://www.monenfant.fr/accueil" || d[1].Host != "monenfant.fr" || d[1].FileURL != "" {
		t.Errorf("link: %+v", d[1])
	}
	for _, v := range d[2:] {
		if v.URL != "" || v.FileURL != "" {
			t.Errorf("%s: not an http(s) address, but a link: %+v", v.Title, v)
		}
	}
}
