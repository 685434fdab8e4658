package mail

import (
	"context"
	"log/slog"
	"regexp"

	"github.com/departement06/extranet-assmat/app/db"
)

// Mailbox keeps emails in the dev_mailbox table instead of sending them, and
// logs their links, so that a newcomer on the embedded default can follow the
// account flows. It is never used in production.
type Mailbox struct {
	q   *db.Queries
	log *slog.Logger
}

// NewMailbox returns the development mailbox.
func NewMailbox(q *db.Queries, log *slog.Logger) *Mailbox { return &Mailbox{q: q, log: log} }

var linkPattern = regexp.MustCompile(`https?://[^\s)>\]]+`)

// Send stores the message.
func (m *Mailbox) Send(ctx context.Context, msg Message) error {
	if err := m.q.CreateDevMail(ctx, db.CreateDevMailParams{ToAddr: msg.To, Subject: msg.Subject, Html: msg.HTML, Text: msg.Text}); err != nil {
		return err
	}
	m.log.Info("email kept in the development mailbox", "to", msg.To, "subject", msg.Subject,
		"links", linkPattern.FindAllString(msg.Text, -1))
	return nil
}
