package web_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/static"
)

func TestSecurityHeadersArePresent(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	for _, path := range []string{"/connexion", "/page-qui-n-existe-pas", static.Path("css/app.css")} {
		res := c.Get(path)
		want := map[string]string{
			"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'",
			"X-Content-Type-Options":  "nosniff",
			"X-Frame-Options":         "DENY",
			"Referrer-Policy":         "same-origin",
		}
		for name, value := range want {
			if got := res.Header.Get(name); !strings.Contains(got, value) {
				t.Errorf("%s: %s = %q, want %q", path, name, got, value)
			}
		}
		if strings.Contains(res.Header.Get("Content-Security-Policy"), "unsafe") {
			t.Errorf("%s: CSP allows unsafe sources", path)
		}
	}
}

func TestPagesAreNeverCachedAndVaryOnHTMX(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	res := c.Get("/connexion")
	if got := res.Header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control %q", got)
	}
	if !strings.Contains(res.Header.Get("Vary"), "HX-Request") {
		t.Errorf("Vary %q", res.Header.Get("Vary"))
	}
}

func TestStaticFilesAreCachedByContentHash(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	res := c.Get(static.Path("js/htmx.min.js"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("htmx: %d", res.StatusCode)
	}
	if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("versioned URL: Cache-Control %q", cc)
	}
	etag := res.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	res = c.Get("/static/js/htmx.min.js")
	if cc := res.Header.Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("unversioned URL: Cache-Control %q", cc)
	}
	res = c.Get("/static/js/htmx.min.js", apptest.Header{Name: "If-None-Match", Value: etag})
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: %d", res.StatusCode)
	}
	res = c.Get("/static/js/htmx.min.js", apptest.Header{Name: "Accept-Encoding", Value: "gzip"})
	if res.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("not compressed: %q", res.Header.Get("Content-Encoding"))
	}
	for _, bad := range []string{"/static/../go.mod", "/static/js/nope.js", "/static/static.go"} {
		if res := c.Get(bad); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d", bad, res.StatusCode)
		}
	}
}

func TestUnknownPageIsAFrenchNotFound(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	res := c.Get("/nulle-part")
	if res.StatusCode != http.StatusNotFound || !strings.Contains(res.Text(), "Page introuvable") {
		t.Errorf("404: %d %q", res.StatusCode, res.Text())
	}
	res = c.Get("/nulle-part", apptest.HTMX)
	if res.StatusCode != http.StatusNotFound || res.Doc.Find("header.site-header").Length() != 0 {
		t.Errorf("htmx 404 should be a fragment: %d", res.StatusCode)
	}
}

func TestOversizedBodyGetsAFrenchError(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	base := env.Serve()
	// Announce a body over the limit and read the answer before sending it:
	// the server refuses on the Content-Length alone.
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "POST /connexion HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n", 2<<20)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("reading the response: %v", err)
	}
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(body), "Envoi trop volumineux") {
		t.Errorf("oversized body: %d %q", res.StatusCode, body)
	}
}

func TestFaviconCostsNoDatabaseRoundTrip(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	env.Trips.Reset()
	res := c.Get("/favicon.ico")
	if res.StatusCode != http.StatusMovedPermanently || !strings.HasPrefix(res.Header.Get("Location"), "/static/img/favicon.svg?v=") {
		t.Errorf("favicon: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if n := env.Trips.Trips(); n != 0 {
		t.Errorf("favicon: %d round trips", n)
	}
}

// The embedded files are sent in the best encoding the browser accepts,
// compressed once at start-up: brotli, else gzip, else as they are; each
// encoding has its own ETag, and the body decodes to the file.
func TestStaticFilesArePrecompressed(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	want, err := static.FS.ReadFile("css/app.css")
	if err != nil {
		t.Fatal(err)
	}
	etags := map[string]bool{}
	for _, tc := range []struct{ accept, encoding string }{
		{"gzip, deflate, br", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"", ""},
	} {
		res := c.Get(static.Path("css/app.css"), apptest.Header{Name: "Accept-Encoding", Value: tc.accept})
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != tc.encoding ||
			res.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: %d, Content-Encoding %q, Vary %q", tc.accept, res.StatusCode,
				res.Header.Get("Content-Encoding"), res.Header.Get("Vary"))
			continue
		}
		var body []byte
		switch tc.encoding {
		case "br":
			body, err = io.ReadAll(brotli.NewReader(strings.NewReader(res.Body)))
		case "gzip":
			var r *gzip.Reader
			if r, err = gzip.NewReader(strings.NewReader(res.Body)); err == nil {
				body, err = io.ReadAll(r)
			}
		default:
			body = []byte(res.Body)
		}
		if err != nil || !bytes.Equal(body, want) {
			t.Errorf("Accept-Encoding %q: the body does not decode to the file (%v)", tc.accept, err)
		}
		if tc.encoding != "" && len(res.Body) >= len(want)/3 {
			t.Errorf("%s: %d bytes for a %d-byte file", tc.encoding, len(res.Body), len(want))
		}
		etags[res.Header.Get("ETag")] = true
		again := c.Get(static.Path("css/app.css"), apptest.Header{Name: "Accept-Encoding", Value: tc.accept},
			apptest.Header{Name: "If-None-Match", Value: res.Header.Get("ETag")})
		if again.StatusCode != http.StatusNotModified {
			t.Errorf("Accept-Encoding %q: revalidation %d", tc.accept, again.StatusCode)
		}
	}
	if len(etags) != 3 {
		t.Errorf("%d ETags for 3 encodings", len(etags))
	}
}
