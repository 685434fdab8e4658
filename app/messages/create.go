package messages

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/mail"
	"github.com/departement06/extranet-assmat/components"
)

// Mailer enqueues an email in the caller's transaction (*mail.Queue does).
type Mailer interface {
	Enqueue(ctx context.Context, tx pgx.Tx, to, subject string, c mail.Content) error
}

// Notify is how a personal message's email is sent: the queue, and the
// public address its link starts with (config BASE_URL). A nil Mail sends
// none: only the demo data, loaded before any queue exists, leaves it nil.
type Notify struct {
	Mail    Mailer
	BaseURL string
}

// Draft is a message the département writes.
type Draft struct {
	Sender  string // the service that writes, as the list shows it
	Subject string
	Body    string // plain text: paragraphs separated by a blank line
	At      time.Time
}

// NotificationSubject is the subject of a personal message's email.
const NotificationSubject = "Nouveau message personnel – Extranet Assistants Maternels"

// CreatePersonal writes a personal message to one childminder and, in the
// same transaction, enqueues the email that tells her (seed §2.3.1): a
// notice and a link to the message, never its content, to her address if
// she has one. Nothing is sent if tx rolls back. The back office calls it;
// so do the tests and the demo data.
func CreatePersonal(ctx context.Context, tx pgx.Tx, n Notify, assmatID int64, d Draft) (int64, error) {
	r, err := db.New(tx).CreatePersonalMessage(ctx, db.CreatePersonalMessageParams{
		SenderService: d.Sender, Subject: d.Subject, Body: d.Body, RecipientAssmatID: assmatID, CreatedAt: d.At,
	})
	if err != nil {
		return 0, fmt.Errorf("personal message: %w", err)
	}
	if n.Mail == nil || r.Email == nil || *r.Email == "" {
		return r.ID, nil
	}
	err = n.Mail.Enqueue(ctx, tx, *r.Email, NotificationSubject, mail.Content{
		Name:   r.Prenom + " " + r.Nom,
		Intros: []string{"Un nouveau message personnel vous attend sur votre extranet."},
		Action: &mail.Action{
			Instructions: "Pour le lire, connectez-vous à l'extranet des assistants maternels du Département des Alpes-Maritimes :",
			Button:       "Lire le message",
			Link:         n.BaseURL + components.MessagePath(r.ID),
		},
		Outros: []string{"Pour protéger vos informations, ce courriel ne reprend pas le contenu du message."},
	})
	if err != nil {
		return 0, err
	}
	return r.ID, nil
}

// CreateGeneral writes a message to every childminder: no email (seed
// §2.3.1 notifies personal messages only), and no state row for anyone
// (message_states is written lazily, when one of them reads or archives it).
func CreateGeneral(ctx context.Context, tx pgx.Tx, d Draft) (int64, error) {
	return db.New(tx).CreateMessage(ctx, db.CreateMessageParams{SenderService: d.Sender, Subject: d.Subject, Body: d.Body, CreatedAt: d.At})
}
