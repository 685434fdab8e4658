package messages

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/departement06/extranet-assmat/components"
)

func parse(raw string) (ListQuery, bool) {
	v, err := url.ParseQuery(raw)
	if err != nil {
		panic(err)
	}
	return ParseListQuery(v.Get)
}

// Every view's URL reads back as the same view, and the defaults are left out.
func TestListQueryRoundTrips(t *testing.T) {
	for _, tc := range []struct {
		raw, url string
	}{
		{"", "/messages"},
		{"boite=recus&tri=date&ordre=decroissant&page=1", "/messages"},
		{"boite=archives", "/messages?boite=archives"},
		{"tri=objet", "/messages?tri=objet"},
		{"tri=objet&ordre=croissant", "/messages?tri=objet"},
		{"tri=objet&ordre=decroissant", "/messages?ordre=decroissant&tri=objet"},
		{"ordre=croissant", "/messages?ordre=croissant"},
		{"recherche=+m%C3%A9t%C3%A9o+&page=2", "/messages?page=2&recherche=m%C3%A9t%C3%A9o"},
		// Unknown values fall back to the defaults.
		{"boite=corbeille&tri=taille&ordre=haut", "/messages"},
	} {
		q, ok := parse(tc.raw)
		if !ok {
			t.Errorf("%q refused", tc.raw)
			continue
		}
		if got := q.URL(); got != tc.url {
			t.Errorf("%q: URL %q, want %q", tc.raw, got, tc.url)
		}
		back, ok := parse(strings.TrimPrefix(strings.TrimPrefix(q.URL(), "/messages"), "?"))
		if !ok || back != q {
			t.Errorf("%q: %+v reads back as %+v", tc.raw, q, back)
		}
	}
}

func TestMalformedPagesAreRefused(t *testing.T) {
	for _, p := range []string{"0", "-1", "abc", "1e3", "10001", "99999999999999999999", " 2"} {
		if _, ok := parse("page=" + url.QueryEscape(p)); ok {
			t.Errorf("page %q accepted", p)
		}
	}
	for _, p := range []string{"1", "2", "10000"} {
		if _, ok := parse("page=" + p); !ok {
			t.Errorf("page %q refused", p)
		}
	}
}

// A search a keyboard cannot type is a malformed view (a 404 in French, not
// PostgreSQL's refusal of a NUL or of bytes that are not UTF-8: a 500); an
// "é" sent decomposed is the composed one.
func TestSearchWithControlCharactersIsRefused(t *testing.T) {
	for _, raw := range []string{"%00abc", "abc%00", "%FFabc", "a%01b", "a%0Ab", "a%E2%80%AEb"} {
		if q, ok := parse("recherche=" + raw); ok {
			t.Errorf("search %q accepted as %q", raw, q.Search)
		}
	}
	for raw, want := range map[string]string{"m%C3%A9t%C3%A9o": "météo", "me%CC%81te%CC%81o": "météo", "50%25+_": "50% _", "%EF%BC%BF": "＿"} {
		if q, ok := parse("recherche=" + raw); !ok || q.Search != want {
			t.Errorf("search %q: %q, %v; want %q", raw, q.Search, ok, want)
		}
	}
}

// A search is cut at MaxSearch characters, never in the middle of one.
func TestSearchIsBounded(t *testing.T) {
	q, _ := parse("recherche=" + url.QueryEscape(strings.Repeat("é", MaxSearch+10)))
	if q.Search != strings.Repeat("é", MaxSearch) {
		t.Errorf("search of %d characters kept as %d", MaxSearch+10, len([]rune(q.Search)))
	}
}

// The "retour" field of a form cannot send anyone elsewhere: it is read as a
// view and rebuilt.
func TestReturnIsAlwaysAListView(t *testing.T) {
	for raw, want := range map[string]string{
		"tri=objet":                     "/messages?tri=objet",
		"https://ailleurs.example/":     "/messages",
		"//ailleurs.example":            "/messages",
		"boite=archives&page=0":         "/messages?boite=archives",
		"%zz":                           "/messages",
		"boite=archives&recherche=%3Cb": "/messages?boite=archives&recherche=%3Cb",
	} {
		if got := ParseReturn(raw).URL(); got != want {
			t.Errorf("retour %q: %q, want %q", raw, got, want)
		}
	}
}

// The text of a message: paragraphs at blank lines, lines kept, addresses
// made links without the sentence's punctuation, nothing else.
func TestParagraphs(t *testing.T) {
	body := "Bonjour,\r\n\r\nVoir https://a.example/x?y=1&z=2. Ou (http://b.example/).\nFin de ligne\n \n\n\njavascript:alert(1) ftp://c.example https://"
	got := Paragraphs(body)
	if len(got) != 3 {
		t.Fatalf("%d paragraphs: %+v", len(got), got)
	}
	var links []string
	for _, para := range got {
		for _, line := range para {
			for _, run := range line {
				if run.URL != "" {
					links = append(links, run.URL)
					if run.Text != run.URL {
						t.Errorf("link %q shows %q", run.URL, run.Text)
					}
				}
			}
		}
	}
	if want := []string{"https://a.example/x?y=1&z=2", "http://b.example/"}; !slices.Equal(links, want) {
		t.Errorf("links %q, want %q", links, want)
	}
	if len(got[1]) != 2 {
		t.Errorf("the second paragraph has %d lines, want 2", len(got[1]))
	}
	// The text around the links is all there.
	var text strings.Builder
	for _, run := range got[1][0] {
		text.WriteString(run.Text)
	}
	if text.String() != "Voir https://a.example/x?y=1&z=2. Ou (http://b.example/)." {
		t.Errorf("line %q", text.String())
	}
}

// ListProps: the sorted column says its direction and its link reverses it;
// the others sort by themselves from their first direction.
func TestListPropsSortLinks(t *testing.T) {
	q, _ := parse("tri=objet&recherche=meteo&page=2")
	p := ListProps(List{Query: q, Total: 30, Rows: []Summary{{ID: 7, Subject: "S", Personal: true}}}, "Gertrude ASSMAT", "")
	want := map[string][2]string{
		"tri-date":         {"", "/messages?recherche=meteo"},
		"tri-expediteur":   {"", "/messages?recherche=meteo&tri=expediteur"},
		"tri-destinataire": {"", "/messages?recherche=meteo&tri=destinataire"},
		"tri-objet":        {"ascending", "/messages?ordre=decroissant&recherche=meteo&tri=objet"},
	}
	for _, c := range p.Columns {
		if w := want[c.ID]; c.Sort != w[0] || c.URL != w[1] {
			t.Errorf("%s: sort %q URL %q, want %q %q", c.ID, c.Sort, c.URL, w[0], w[1])
		}
	}
	if r := p.Rows[0]; r.Recipient != "Gertrude ASSMAT" || r.ViewURL != "/messages/7?page=2&recherche=meteo&tri=objet" || r.ActionURL != "/messages/7/archiver" {
		t.Errorf("row %+v", r)
	}
	if p.Summary != "30 messages pour « meteo », page 2 sur 2" || len(p.Pages) != 2 || !p.Pages[1].Current {
		t.Errorf("summary %q, pages %+v", p.Summary, p.Pages)
	}
	if p.Boxes[1].URL != "/messages?boite=archives&recherche=meteo&tri=objet" {
		t.Errorf("archived box link %q", p.Boxes[1].URL)
	}
	if p.Return != "page=2&recherche=meteo&tri=objet" || p.ClearURL != "/messages?tri=objet" {
		t.Errorf("return %q, clear %q", p.Return, p.ClearURL)
	}
	if p.Title != components.MessagesReceivedTitle {
		t.Errorf("title %q", p.Title)
	}
}
