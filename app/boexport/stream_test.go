package boexport_test

import (
	"bufio"
	"context"
	"testing"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/boexport"
	"github.com/departement06/extranet-assmat/app/paris"
)

// writes records each write that reaches the connection's side.
type writes struct {
	sizes []int
	total int
}

func (w *writes) Write(p []byte) (int, error) {
	w.sizes = append(w.sizes, len(p))
	w.total += len(p)
	return len(p), nil
}

// TestStreamWritesAsRowsArrive: 3,000 children's file (about 1 MB) reaches
// the response's writer in many buffer-sized writes while the query runs,
// never as one whole-file write at the end (fasthttp's stream writer gets
// the same bufio.Writer of 4 KB).
func TestStreamWritesAsRowsArrive(t *testing.T) {
	t.Parallel()
	env := apptest.New(t)
	today := paris.Today(env.Clock.Now())
	ctx := context.Background()
	if _, err := env.Pool.Exec(ctx, `
		WITH a AS (INSERT INTO assmats (login, nom, prenom, date_naissance, commune)
		           VALUES ('900100', 'GRAND', 'Lise', '1979-02-02', 'Valdeblore') RETURNING id),
		     k AS (INSERT INTO children (assmat_id, nom, prenom, date_naissance, adresse, code_postal, commune)
		           SELECT a.id, 'ENFANT ' || i, 'Prénom élevé ' || i, '2025-01-01', i || ' rue longue de la Colmiane', '06420', 'Valdeblore'
		           FROM a, generate_series(1, 3000) i RETURNING id)
		INSERT INTO care_periods (child_id, kind, start_date) SELECT id, 'standard', $1::date FROM k`, today); err != nil {
		t.Fatal(err)
	}
	w := &writes{}
	bw := bufio.NewWriterSize(w, 4096)
	if err := boexport.Stream(ctx, env.Pool, boexport.Scope{Commune: "Valdeblore"}, today, bw); err != nil {
		t.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	if w.total < 300_000 || len(w.sizes) < w.total/(64<<10) {
		t.Fatalf("%d bytes in %d writes", w.total, len(w.sizes))
	}
	for _, n := range w.sizes {
		if n > 64<<10 {
			t.Errorf("a write of %d bytes: the file is buffered beyond one buffer", n)
		}
	}
}
