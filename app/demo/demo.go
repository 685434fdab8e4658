// Package demo loads the demonstration data of the embedded default: three
// childminders in the three states of an account, messages and documents.
package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/db"
)

// Login is one demo account as printed at start-up.
type Login struct {
	Identifiant string
	Password    string
	What        string
}

// Logins are the demo accounts.
var Logins = []Login{
	{"100001", "Demo-assmat1", "Madame Gertrude ASSMAT, compte actif"},
	{"100002", "Temp-2025a", "Madame Josiane PROVISOIRE, mot de passe temporaire à changer à la première connexion"},
	{"100003", "", "Monsieur Marcel SANSMOTDEPASSE, né le 15/03/1985, identifiant seul : « Première connexion ou mot de passe oublié ? »"},
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func ptr[T any](v T) *T { return &v }

// Load inserts the demo data unless it is already there. It is one
// transaction: either all of it is loaded, or none.
func Load(ctx context.Context, pool *pgxpool.Pool) (loaded bool, err error) {
	q := db.New(pool)
	if _, err := q.GetAssmatByLogin(ctx, Logins[0].Identifiant); err == nil {
		return false, nil
	} else if !errors.Is(err, pgx.ErrNoRows) {
		return false, err
	}
	h1, err := credentials.HashPassword(ctx, Logins[0].Password)
	if err != nil {
		return false, err
	}
	h2, err := credentials.HashPassword(ctx, Logins[1].Password)
	if err != nil {
		return false, err
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return false, err
	}
	err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		q := db.New(tx)
		if _, err := q.CreateAssmat(ctx, db.CreateAssmatParams{
			Login: "100001", Civilite: "Madame", Nom: "ASSMAT", Prenom: "Gertrude",
			DateNaissance: day(1990, 2, 2), SituationFamiliale: "Concubinage",
			Adresse: "1 Route de la Colle", CodePostal: "06480", Commune: "La Colle-sur-Loup",
			Email: ptr("gertrude.assmat@example.fr"), PasswordHash: &h1,
		}); err != nil {
			return fmt.Errorf("demo 100001: %w", err)
		}
		if _, err := q.CreateAssmat(ctx, db.CreateAssmatParams{
			Login: "100002", Civilite: "Madame", Nom: "PROVISOIRE", Prenom: "Josiane",
			DateNaissance: day(1978, 6, 14), SituationFamiliale: "Mariée",
			Adresse: "12 avenue de la Victoire", CodePostal: "06000", Commune: "Nice",
			PasswordHash: &h2, MustChangePassword: true,
		}); err != nil {
			return fmt.Errorf("demo 100002: %w", err)
		}
		if _, err := q.CreateAssmat(ctx, db.CreateAssmatParams{
			Login: "100003", Civilite: "Monsieur", Nom: "SANSMOTDEPASSE", Prenom: "Marcel",
			DateNaissance: day(1985, 3, 15), SituationFamiliale: "Célibataire",
			Adresse: "3 rue de la République", CodePostal: "06600", Commune: "Antibes",
		}); err != nil {
			return fmt.Errorf("demo 100003: %w", err)
		}
		// Messages: see messages.go.
		if err := loadMessages(ctx, tx, paris); err != nil {
			return err
		}
		// Agréments (100001 in a MAM, 100002's ending soon) and documents: see their files.
		if err := loadAgrements(ctx, q, time.Now().In(paris)); err != nil {
			return err
		}
		if err := loadDocuments(ctx, q); err != nil {
			return err
		}
		// The back office's demo agent: see agents.go.
		if err := loadAgents(ctx, q); err != nil {
			return err
		}
		return nil
	})
	return err == nil, err
}
