package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/messages"
)

// demoService is the sender of the demo messages.
const demoService = "Service des modes d'accueil de la petite enfance"

// loadMessages gives Gertrude (100001) a mailbox worth trying: the seed's
// two general messages (unread), two personal ones (one read, one unread),
// one archived, and enough older general messages, read, for a second page
// of "Messages reçus" (PageSize is 20).
func loadMessages(ctx context.Context, tx pgx.Tx, paris *time.Location) error {
	q := db.New(tx)
	g, err := q.GetAssmatByLogin(ctx, Logins[0].Identifiant)
	if err != nil {
		return fmt.Errorf("demo messages: %w", err)
	}
	gertrude := g.ID
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, paris) }
	general := []messages.Draft{
		// The seed's two (seed §2.1.2): its dashboard shows them first.
		{Subject: "Bienvenue sur l'extranet des assistants maternels", At: at(2024, 8, 6, 15, 4),
			Body: "Retrouvez sur cet extranet vos informations, votre agrément et la déclaration des enfants accueillis.\n\n" +
				"La documentation du portail est dans « Documents utiles » : https://www.departement06.fr/documentation-extranet-assmat.pdf"},
		{Subject: "attention regardez la météo pour les alertes orange ou rouges", At: at(2024, 10, 21, 15, 31),
			Body: "En cas d'alerte météo orange ou rouge, suivez les consignes de la préfecture et informez les parents.\n" +
				"Les bulletins de vigilance : https://vigilance.meteofrance.fr/\n\n" +
				"Pendant une alerte rouge, l'accueil des enfants peut être suspendu : prévenez les familles au plus tôt."},
	}
	// Older general messages, one a month: the second page of the list.
	topics := []string{
		"Relais petite enfance : programme des ateliers", "Formation continue : inscriptions ouvertes",
		"Rappel : déclaration des enfants accueillis sous 8 jours", "Canicule : recommandations pour l'accueil des jeunes enfants",
		"Vaccinations obligatoires : ce qui change", "Journée nationale des assistants maternels",
		"Sécurité à domicile : prévenir les accidents", "Épidémie de bronchiolite : gestes barrières",
		"Mise à jour des coordonnées : pensez à votre adresse email", "Pajemploi : calendrier des déclarations",
		"Éveil musical : nouveaux ateliers au relais", "Sorties au parc : rappel des règles de sécurité",
		"Allergies alimentaires : protocole d'accueil individualisé", "Congés d'été : informez le service de vos absences",
		"Secourisme : sessions PSC1 à Nice et à Grasse", "Qualité de l'air intérieur : aérez chaque jour",
		"Renouvellement d'agrément : anticipez votre demande", "Maisons d'assistants maternels : réunion d'information",
		"Livret d'accueil des familles : nouvelle édition", "Sommeil du jeune enfant : les bonnes pratiques",
	}
	for i, t := range topics {
		general = append(general, messages.Draft{Subject: t, At: at(2024, time.Month(7-i%7), 28-i, 9+i%8, 0),
			Body: "Bonjour,\n\n" + t + ".\nRetrouvez le détail auprès de votre relais petite enfance ou sur https://www.departement06.fr/."})
	}
	var older []int64
	for i := range general {
		general[i].Sender = demoService
		if i >= 2 {
			general[i].At = general[i].At.AddDate(-1, 0, 0) // 2023: older than the seed's two
		}
		id, err := messages.CreateGeneral(ctx, tx, general[i])
		if err != nil {
			return fmt.Errorf("demo message: %w", err)
		}
		if i >= 2 {
			older = append(older, id)
		}
	}
	// Her personal messages: no email for demo data (no queue exists yet).
	read, err := messages.CreatePersonal(ctx, tx, messages.Notify{}, gertrude, messages.Draft{
		Sender: "Service de PMI de Grasse", Subject: "Visite de suivi de votre agrément", At: at(2024, 9, 12, 10, 15),
		Body: "Madame,\n\nUne puéricultrice de la PMI passera à votre domicile le mardi 24 septembre 2024 à 14 h pour la visite de suivi de votre agrément.\n" +
			"Si ce créneau ne vous convient pas, appelez le 04 97 18 60 00.\n\nCordialement,\nLe service de PMI de Grasse",
	})
	if err != nil {
		return err
	}
	if _, err := messages.CreatePersonal(ctx, tx, messages.Notify{}, gertrude, messages.Draft{
		Sender: demoService, Subject: "Pièce manquante à votre dossier", At: at(2024, 11, 4, 11, 20),
		Body: "Madame,\n\nIl manque à votre dossier l'attestation d'assurance responsabilité civile professionnelle pour 2025.\n" +
			"Merci de nous la transmettre avant le 15 décembre 2024.\n\nCordialement,\nLe service des modes d'accueil",
	}); err != nil {
		return err
	}
	archived, err := messages.CreateGeneral(ctx, tx, messages.Draft{
		Sender: demoService, Subject: "Enquête de satisfaction 2023 : merci de votre participation", At: at(2024, 1, 15, 14, 0),
		Body: "Merci aux 1 200 assistants maternels qui ont répondu à l'enquête. Les résultats seront présentés au printemps.",
	})
	if err != nil {
		return err
	}
	// She has read her older mail: unread are the seed's two and one
	// personal message ("MESSAGES (3)").
	for _, id := range append(older, read) {
		if err := q.MarkMessageRead(ctx, db.MarkMessageReadParams{AssmatID: gertrude, ID: id, Now: at(2024, 9, 12, 18, 0)}); err != nil {
			return fmt.Errorf("demo read mark: %w", err)
		}
	}
	if _, err := q.ArchiveMessage(ctx, db.ArchiveMessageParams{AssmatID: gertrude, ID: archived, Now: at(2024, 2, 1, 9, 0)}); err != nil {
		return fmt.Errorf("demo archive: %w", err)
	}
	return nil
}
