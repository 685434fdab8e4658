package demo

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// The demo's PDF is a file a reader opens: every offset of its
// cross-reference table points at its object, and startxref at the table.
func TestDemoPDFIsWellFormed(t *testing.T) {
	pdf := demoPDF("Alertes météo (été)", []string{"Prévenez les parents – c’est « important » \\ œuvre"})
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.4\n")) || !bytes.HasSuffix(pdf, []byte("%%EOF\n")) {
		t.Fatalf("not a PDF: %q…%q", pdf[:16], pdf[len(pdf)-8:])
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref")
	}
	xref, err := strconv.Atoi(string(m[1]))
	if err != nil || !bytes.HasPrefix(pdf[xref:], []byte("xref\n0 6\n")) {
		t.Fatalf("startxref %s does not point at the table of 6 entries: %q", m[1], pdf[xref:min(len(pdf), xref+12)])
	}
	entries := regexp.MustCompile(`(\d{10}) 00000 n \n`).FindAllSubmatch(pdf[xref:], -1)
	if len(entries) != 5 {
		t.Fatalf("%d objects in the table, want 5", len(entries))
	}
	for i, e := range entries {
		off, err := strconv.Atoi(string(e[1]))
		if err != nil {
			t.Fatal(err)
		}
		if want := strconv.Itoa(i+1) + " 0 obj\n"; !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("object %d: offset %d points at %q", i+1, off, pdf[off:min(len(pdf), off+10)])
		}
	}
	// The stream's length is the bytes between "stream\n" and "endstream".
	sm := regexp.MustCompile(`(?s)/Length (\d+) >>\nstream\n(.*?)endstream`).FindSubmatch(pdf)
	if sm == nil || strconv.Itoa(len(sm[2])) != string(sm[1]) {
		t.Fatalf("stream length wrong: %q", sm)
	}
	// Accents in WinAnsi (é = E9), the typographic apostrophe (92),
	// parentheses and backslash escaped.
	for _, want := range [][]byte{[]byte("Alertes m\xe9t\xe9o \\(\xe9t\xe9\\)"), []byte("c\x92est \xab important \xbb \\\\ \x9cuvre")} {
		if !bytes.Contains(sm[2], want) {
			t.Errorf("stream lacks %q: %q", want, sm[2])
		}
	}
}

// The demo's agréments: 100001 in a MAM with an exemption; 100002's ends
// within the six months of the renewal reminder, counted from the load date.
func TestDemoAgrementsAndDocuments(t *testing.T) {
	ctx := context.Background()
	pool := pgtest.Pool(t)
	if _, err := Load(ctx, pool); err != nil {
		t.Fatal(err)
	}
	var place, mam, derogations string
	if err := pool.QueryRow(ctx, `SELECT lieu_exercice, mam_nom, derogations FROM agrements a JOIN assmats m ON m.id = a.assmat_id
		WHERE m.login = '100001'`).Scan(&place, &mam, &derogations); err != nil {
		t.Fatal(err)
	}
	if place != "mam" || mam == "" || derogations == "" {
		t.Errorf("100001's agrément: %q %q %q, want a MAM with an exemption", place, mam, derogations)
	}
	var ends time.Time
	if err := pool.QueryRow(ctx, `SELECT date_fin_validite FROM agrements a JOIN assmats m ON m.id = a.assmat_id
		WHERE m.login = '100002'`).Scan(&ends); err != nil {
		t.Fatal(err)
	}
	if now := time.Now(); !ends.After(now) || !ends.Before(now.AddDate(0, 6, 0)) {
		t.Errorf("100002's agrément ends %s: not within six months of %s", ends.Format(time.DateOnly), now.Format(time.DateOnly))
	}
	var first string
	var files, links int
	if err := pool.QueryRow(ctx, `SELECT (SELECT title FROM documents ORDER BY position, id LIMIT 1),
		count(*) FILTER (WHERE file_content IS NOT NULL AND file_type = 'application/pdf' AND substring(file_content from 1 for 5) = convert_to('%PDF-', 'UTF8')),
		count(*) FILTER (WHERE url LIKE 'https://%' AND file_content IS NULL) FROM documents`).Scan(&first, &files, &links); err != nil {
		t.Fatal(err)
	}
	if first != "Documentation du portail Extranet" || files < 1 || links < 1 {
		t.Errorf("documents: first %q, %d PDF files, %d links", first, files, links)
	}
}
