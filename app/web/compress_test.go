package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"strconv"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/db"
)

// Pages are gzipped at the fastest level when the browser accepts gzip
// (issue 12: brotli at its default level cost more CPU than the page), and
// the decoded body is the very page sent to a browser that does not.
func TestPagesAreGzippedWhenAccepted(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	plain := c.Get("/messages")
	if plain.StatusCode != http.StatusOK || plain.Header.Get("Content-Encoding") != "" || len(plain.Body) < 1000 {
		t.Fatalf("without Accept-Encoding: %d, Content-Encoding %q, %d bytes", plain.StatusCode,
			plain.Header.Get("Content-Encoding"), len(plain.Body))
	}
	for _, tc := range []struct {
		accept, encoding string
	}{
		{"gzip", "gzip"},
		{"gzip, deflate, br, zstd", "gzip"},
		{"br", ""},
		{"gzip;q=0, br", ""},
		{"identity", ""},
	} {
		res := c.Get("/messages", apptest.Header{Name: "Accept-Encoding", Value: tc.accept})
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != tc.encoding {
			t.Errorf("Accept-Encoding %q: %d, Content-Encoding %q, want %q", tc.accept, res.StatusCode,
				res.Header.Get("Content-Encoding"), tc.encoding)
			continue
		}
		if vary := res.Header.Values("Vary"); len(vary) != 1 || vary[0] != "HX-Request, Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: Vary %q, want one line", tc.accept, vary)
		}
		body := []byte(res.Body)
		if tc.encoding == "gzip" {
			if len(body) >= len(plain.Body)/2 {
				t.Errorf("gzip: %d bytes for a page of %d", len(body), len(plain.Body))
			}
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("gzip: %v", err)
			}
			if body, err = io.ReadAll(zr); err != nil {
				t.Fatalf("gzip: %v", err)
			}
		}
		if string(body) != plain.Body {
			t.Errorf("Accept-Encoding %q: decodes to %d bytes, the page has %d", tc.accept, len(body), len(plain.Body))
		}
	}
}

// A page under 4 KB (the login page: 3.6 KB) goes as it is: it fits in the
// connection's first packets, and gzip would cost more than it saves.
func TestSmallPagesAreNotCompressed(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	res := env.Client().Get("/connexion", apptest.Header{Name: "Accept-Encoding", Value: "gzip"})
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != "" || len(res.Body) >= 4<<10 {
		t.Errorf("login page: %d, Content-Encoding %q, %d bytes", res.StatusCode, res.Header.Get("Content-Encoding"), len(res.Body))
	}
}

// A downloaded document is sent as stored, gzip accepted or not: it is
// compressed already (a PDF, an ODT, a DOCX, an XLSX), up to 10 MB.
func TestDocumentsAreNotRecompressed(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	content := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("0123456789 stream endstream\n"), 4096)...)
	id, err := db.New(env.Pool).CreateDocumentFile(context.Background(), db.CreateDocumentFileParams{
		Title: "Grand guide", FileName: "guide.pdf", FileType: "application/pdf", FileContent: content, Position: 98})
	if err != nil {
		t.Fatal(err)
	}
	c := env.Client()
	c.Login("100001", "Demo-assmat1")
	res := c.Get("/documents-utiles/"+strconv.FormatInt(id, 10)+"/fichier", apptest.Header{Name: "Accept-Encoding", Value: "gzip"})
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != "" || !bytes.Equal([]byte(res.Body), content) {
		t.Errorf("a %d-byte PDF with gzip accepted: %d, Content-Encoding %q, %d bytes", len(content), res.StatusCode,
			res.Header.Get("Content-Encoding"), len(res.Body))
	}
}
