package agrement

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/dbbatch"
	"github.com/departement06/extranet-assmat/components"
)

// Agrement is one agrément as imported from the business application.
type Agrement struct {
	Numero     string
	Statut     string
	FirstGrant *time.Time
	ValidFrom  *time.Time
	ValidUntil *time.Time
	// Capacity is the number of children at the same time, in total and by age.
	Capacity, Under3, Over3 int
	// AtMAM: she works in a maison d'assistants maternels (MamName), not at
	// home; the address is where she works.
	AtMAM    bool
	MamName  string
	Street   string
	Postcode string
	Town     string
	// Derogations are the exemptions granted, one a line.
	Derogations string
}

// load reads the childminder's agréments, in the page's order (one query).
func load(ctx context.Context, q *db.Queries, assmatID int64) ([]Agrement, error) {
	rows, err := q.ListAgrements(ctx, assmatID)
	if err != nil {
		return nil, err
	}
	out := make([]Agrement, 0, len(rows))
	for _, r := range rows {
		out = append(out, Agrement{
			Numero: r.Numero, Statut: r.Statut,
			FirstGrant: r.DatePremiereDelivrance, ValidFrom: r.DateDebutValidite, ValidUntil: r.DateFinValidite,
			Capacity: int(r.CapaciteTotale), Under3: int(r.CapaciteMoins3Ans), Over3: int(r.CapacitePlus3Ans),
			AtMAM: r.LieuExercice == "mam", MamName: r.MamNom,
			Street: r.LieuAdresse, Postcode: r.LieuCodePostal, Town: r.LieuCommune,
			Derogations: r.Derogations,
		})
	}
	return out, nil
}

// QueueDashboard adds to b the read of the dashboard's "Mon agrément" section
// (the same query as the page) and returns the function that gives its view
// once b was sent and closed: the dashboard pays one round trip for all its
// sections. Render the result with components.AgrementSummary.
func QueueDashboard(b *pgx.Batch, assmatID int64, today time.Time) func() (components.AgrementProps, error) {
	return dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) (components.AgrementProps, error) {
		list, err := load(ctx, q, assmatID)
		if err != nil {
			return components.AgrementProps{}, err
		}
		return Props(list, today), nil
	})
}
