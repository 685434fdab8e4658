package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/departement06/extranet-assmat/app/db"
)

// loadAgrements inserts the demo agréments: 100001 works in a MAM with an
// exemption; 100002's agrément ends within six months of the load date, so
// that "Mon agrément" shows its renewal reminder whenever the demo is loaded.
func loadAgrements(ctx context.Context, q *db.Queries, loadedAt time.Time) error {
	gertrude, err := q.GetAssmatByLogin(ctx, "100001")
	if err != nil {
		return fmt.Errorf("demo agrément of 100001: %w", err)
	}
	josiane, err := q.GetAssmatByLogin(ctx, "100002")
	if err != nil {
		return fmt.Errorf("demo agrément of 100002: %w", err)
	}
	y, m, d := loadedAt.Date()
	today := day(y, m, d)
	// Four months from the load date: inside the six months of the reminder.
	ends := today.AddDate(0, 4, 0)
	for _, a := range []db.CreateAgrementParams{
		{
			AssmatID: gertrude.ID, Numero: "AGR-06-2019-100001", Statut: "En cours de validité",
			DatePremiereDelivrance: ptr(day(2019, 9, 1)), DateDebutValidite: ptr(day(2024, 9, 1)),
			DateFinValidite: ptr(day(2029, 8, 31)), CapaciteTotale: 4, CapaciteMoins3Ans: 3, CapacitePlus3Ans: 1,
			LieuExercice: "mam", MamNom: "MAM Les Petits Loups de la Colle",
			LieuAdresse: "12 chemin des Combes", LieuCodePostal: "06480", LieuCommune: "La Colle-sur-Loup",
			Derogations: "Accueil d'un enfant de moins de 18 mois supplémentaire (2 au lieu d'1), accordé le 01/09/2024",
		},
		{
			AssmatID: josiane.ID, Numero: "AGR-06-2016-100002", Statut: "En cours de validité",
			DatePremiereDelivrance: ptr(day(2016, 3, 1)), DateDebutValidite: ptr(ends.AddDate(-5, 0, 1)),
			DateFinValidite: ptr(ends), CapaciteTotale: 3, CapaciteMoins3Ans: 2, CapacitePlus3Ans: 1,
			LieuExercice: "domicile", LieuAdresse: "12 avenue de la Victoire", LieuCodePostal: "06000", LieuCommune: "Nice",
		},
	} {
		if _, err := q.CreateAgrement(ctx, a); err != nil {
			return fmt.Errorf("demo agrément %s: %w", a.Numero, err)
		}
	}
	return nil
}
