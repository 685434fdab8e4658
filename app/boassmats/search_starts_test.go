package boassmats_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

// plainSearch is BoSearchAssmats as it was before migration 0018: every
// match read through the trigram index, up to the bound. The statement now
// tells "more than the bound" from the names, first names and communes that
// start with the pattern; this is what it must agree with.
const plainSearch = `
WITH matches AS (
    SELECT a.login, a.civilite, a.nom, a.prenom, a.code_postal, a.commune,
           (a.password_hash IS NOT NULL)::bool AS has_password, a.must_change_password
    FROM assmats a
    WHERE a.search_text LIKE (SELECT extranet_like_contains($1::text))
      AND (SELECT extranet_fold($1::text) ~ '[[:alnum:]]{3}')
    LIMIT $2::int
)
SELECT m.login, m.civilite, m.nom, m.prenom, m.code_postal, m.commune, m.has_password, m.must_change_password,
       count(*) OVER () AS total
FROM matches m
ORDER BY m.nom, m.prenom, m.login
LIMIT $4::int OFFSET $3::int`

// The search agrees with the plain one, for every bound and page: the same
// rows under the bound, and "more than the bound" (total ≥ the bound, as
// the page reads it) exactly when the plain search says so. The names,
// first names and communes start, end and hold the patterns in every way:
// composed and decomposed accents, ligatures, apostrophes, hyphens, words
// inside a name, wildcards.
func TestSearchAgreesWithThePlainSearch(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	if _, err := pool.Exec(ctx, `INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, commune)
		SELECT 'B' || lpad(i::text, 6, '0'), 'Madame',
		       (ARRAY['MARTIN', 'MARTINEZ', 'Dubois', 'DE LA FONTAINE', 'Œuvray', 'L''HÔTE', 'Saint-Martin',
		              'GARCIA', 'Lefèbvre', 'Le_Gall', '100%BIO'])[1 + i % 11],
		       (ARRAY['Marie', 'Marie-Claire', 'Martine', 'Élodie', 'Élodie', 'Anaïs', 'Jean'])[1 + i % 7],
		       '1980-01-01',
		       (ARRAY['Antibes', 'Grasse', 'Martigues', 'Saint-Martin-du-Var', 'La Colle-sur-Loup',
		              'Saint-Étienne-de-Tinée', 'Èze'])[1 + (i / 3) % 7]
		FROM generate_series(1, 600) i`); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `ANALYZE assmats`); err != nil {
		t.Fatal(err)
	}
	q := db.New(pool)
	patterns := []string{"martin", "MARTIN", "mar", "marie", "marie-c", "tin", "ine", "antibes", "saint",
		"saint-martin", "martin dubois", "dubois marie", "de la", "la fontaine", "l'hote", "oeuv", "Œuv",
		"élo", "ELODIE", "e\u0301lodie", "eze", "b00012", "b0001", "000", "100%", "0%b", "le_g", "e_g",
		"tinee", "xyz", "ʼʼʼ", "anaïs", "nais"}
	checked, told := 0, 0
	for _, typed := range patterns {
		// around its exact count too: a childminder counted twice (her name
		// and commune both start with it) must not tip it past the bound
		exact := int32(0)
		if all := plain(t, pool, typed, 100000, 0); len(all) > 0 {
			exact = int32(all[0].Total)
		}
		for _, bound := range []int32{1, 3, 20, 60, 100, 201, 1000, exact - 1, exact, exact + 1} {
			if bound < 1 {
				continue
			}
			// (past the bound a page after the first goes back to the first)
			beyond := tooMany(plain(t, pool, typed, bound, 0), bound)
			for offset := int32(0); offset < 120; offset += 20 {
				got, err := q.BoSearchAssmats(ctx, db.BoSearchAssmatsParams{Pattern: typed, MaxMatches: bound, RowOffset: offset, RowLimit: 20})
				if err != nil {
					t.Fatalf("%q: %v", typed, err)
				}
				where := fmt.Sprintf("%q, bound %d, offset %d", typed, bound, offset)
				if offset == 0 && tooMany(got, bound) != beyond {
					t.Fatalf("%s: more than the bound? %v, the plain search %v", where, tooMany(got, bound), beyond)
				}
				if len(got) > 0 && got[0].Login == "" {
					// told by the starts: one row, its total only (at most
					// the three ranges' bounds), on every page
					if !beyond || len(got) != 1 || got[0].Total < int64(bound) || got[0].Total > 3*int64(bound) {
						t.Fatalf("%s: past the bound, one row with its total only: %+v", where, got)
					}
					told++
					continue
				}
				// else read through the trigram index, as the plain search
				if want := plain(t, pool, typed, bound, offset); !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
					t.Fatalf("%s:\n got %+v\nwant %+v", where, got, want)
				}
				checked++
			}
		}
	}
	if checked < 200 || told < 100 {
		t.Fatalf("only %d pages read through the trigram index compared, %d told by the starts", checked, told)
	}
	t.Logf("%d pages read through the trigram index compared, %d told by the starts", checked, told)
}

// tooMany is what the page reads from a search's rows: a total at the bound
// or past it.
func tooMany(rows []db.BoSearchAssmatsRow, bound int32) bool {
	return len(rows) > 0 && rows[0].Total >= int64(bound)
}

func plain(t *testing.T, pool *pgxpool.Pool, typed string, bound, offset int32) []db.BoSearchAssmatsRow {
	t.Helper()
	rows, err := pool.Query(context.Background(), plainSearch, typed, bound, offset, int32(20))
	if err != nil {
		t.Fatal(err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowToStructByPos[db.BoSearchAssmatsRow])
	if err != nil {
		t.Fatal(err)
	}
	return out
}
