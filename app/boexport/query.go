package boexport

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// declarationsSQL reads the current declared children of the scope, one row
// per child with its care periods as parallel arrays (ordered like her page:
// position, start). It lives here rather than in queries/ because sqlc's
// :many collects the whole result into a slice before returning, and the
// export must write each row as pgx yields it (a département's children do
// not fit in memory twice). Current is the children package's rule: a
// period without an end or ending today or later (Paris today, $3).
// The commune is compared folded (accents and case: "Nice" = "NICE",
// "Èze" = "eze"), on the childminder's commune.
const declarationsSQL = `
SELECT a.login, a.nom, a.prenom, a.commune,
       c.nom, c.prenom, c.date_naissance, c.declared_at, c.declared_late,
       c.guardian1_civilite, c.guardian1_nom, c.guardian1_prenom, c.guardian1_email, c.guardian1_phone,
       c.guardian2_civilite, c.guardian2_nom, c.guardian2_prenom, c.guardian2_email, c.guardian2_phone,
       c.adresse, c.code_postal, c.commune,
       c.has_secondary_address, c.secondary_adresse, c.secondary_code_postal, c.secondary_commune,
       p.kinds, p.starts, p.ends, p.hours, p.comments
FROM children c
JOIN assmats a ON a.id = c.assmat_id
CROSS JOIN LATERAL (
    SELECT array_agg(cp.kind::text ORDER BY cp.position, cp.start_date, cp.id) AS kinds,
           array_agg(cp.start_date ORDER BY cp.position, cp.start_date, cp.id) AS starts,
           array_agg(coalesce(to_char(cp.end_date, 'DD/MM/YYYY'), '') ORDER BY cp.position, cp.start_date, cp.id) AS ends,
           array_agg(coalesce(cp.hours_per_month, -1) ORDER BY cp.position, cp.start_date, cp.id) AS hours,
           array_agg(cp.comment ORDER BY cp.position, cp.start_date, cp.id) AS comments,
           bool_or(cp.end_date IS NULL OR cp.end_date >= $3::date) AS is_current
    FROM care_periods cp WHERE cp.child_id = c.id
) p
WHERE p.is_current
  AND ($1::text = '' OR extranet_fold(a.commune) = extranet_fold($1::text))
  AND ($2::text = '' OR a.login = $2::text)
ORDER BY a.commune, a.login, c.nom, c.prenom, c.id`

// scopeExistsSQL says whether the scope names any childminder: an unknown
// commune or identifier is said on the form rather than exported empty.
const scopeExistsSQL = `
SELECT EXISTS (SELECT 1 FROM assmats a
               WHERE ($1::text = '' OR extranet_fold(a.commune) = extranet_fold($1::text))
                 AND ($2::text = '' OR a.login = $2::text))`

// queryExecMode plans the export's statements for their values on every
// run, never once for all: a generic plan cannot use assmats_commune_idx
// (migration 0006) through the "($1 = ” OR …)" conditions, and reads every
// childminder of the country instead. An export is rare; planning it is not
// its cost.
const queryExecMode = pgx.QueryExecModeExec

// Declaration is one current child of the export, with its childminder.
type Declaration struct {
	Login, AssmatNom, AssmatPrenom, AssmatCommune string
	Nom, Prenom                                   string
	Naissance                                     time.Time
	DeclaredAt                                    time.Time
	Late                                          bool
	Guardians                                     [2]struct{ Civilite, Nom, Prenom, Email, Phone string }
	Adresse, CodePostal, Commune                  string
	HasSecondary                                  bool
	Adresse2, CodePostal2, Commune2               string
	Kinds                                         []string
	Starts                                        []time.Time
	Ends                                          []string
	Hours                                         []int32
	Comments                                      []string
}

// each runs the export's query and calls fn with each row as it arrives
// (the row is reused: fn must not keep it).
func each(ctx context.Context, pool *pgxpool.Pool, s Scope, today time.Time, fn func(*Declaration) error) error {
	rows, err := pool.Query(ctx, declarationsSQL, queryExecMode, s.Commune, s.Login, today)
	if err != nil {
		return err
	}
	defer rows.Close()
	var d Declaration
	g1, g2 := &d.Guardians[0], &d.Guardians[1]
	for rows.Next() {
		if err := rows.Scan(&d.Login, &d.AssmatNom, &d.AssmatPrenom, &d.AssmatCommune,
			&d.Nom, &d.Prenom, &d.Naissance, &d.DeclaredAt, &d.Late,
			&g1.Civilite, &g1.Nom, &g1.Prenom, &g1.Email, &g1.Phone,
			&g2.Civilite, &g2.Nom, &g2.Prenom, &g2.Email, &g2.Phone,
			&d.Adresse, &d.CodePostal, &d.Commune,
			&d.HasSecondary, &d.Adresse2, &d.CodePostal2, &d.Commune2,
			&d.Kinds, &d.Starts, &d.Ends, &d.Hours, &d.Comments); err != nil {
			return err
		}
		if err := fn(&d); err != nil {
			return err
		}
	}
	return rows.Err()
}

// scopeExists runs scopeExistsSQL.
func scopeExists(ctx context.Context, pool *pgxpool.Pool, s Scope) (bool, error) {
	var ok bool
	err := pool.QueryRow(ctx, scopeExistsSQL, queryExecMode, s.Commune, s.Login).Scan(&ok)
	return ok, err
}
