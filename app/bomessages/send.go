package bomessages

import (
	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/departement06/extranet-assmat/app/audit"
	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/messages"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// send writes the message, checked again (the preview's hidden inputs are
// the browser's), in one transaction: the message (and, for a personal one,
// the notification email's job, through messages.CreatePersonal), who sent
// it, and the audit line. Then the list, which says it is sent.
func (h *Handlers) send(c *fiber.Ctx, f Form) error {
	to, v, err := h.check(c, f)
	if err != nil {
		return err
	}
	if len(v.Errors) > 0 {
		return renderForm(c, f, v, fiber.StatusUnprocessableEntity)
	}
	ctx := c.UserContext()
	agent := backoffice.CurrentAgent(c)
	d := messages.Draft{Sender: f.Sender, Subject: f.Subject, Body: f.Body, At: h.Now()}
	err = pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		var id int64
		var err error
		details := map[string]any{"objet": f.Subject}
		if to != nil {
			id, err = messages.CreatePersonal(ctx, tx, h.Notify, to.ID, d)
			details["destinataire"] = to.Login
		} else {
			id, err = messages.CreateGeneral(ctx, tx, d)
			details["destinataire"] = "tous"
		}
		if err != nil {
			return err
		}
		if err := db.New(tx).BOMarkMessageSender(ctx, db.BOMarkMessageSenderParams{
			AgentID: pgtype.Int8{Int64: agent.ID, Valid: true}, ID: id}); err != nil {
			return err
		}
		return audit.Record(ctx, tx, agent.ID, audit.MessageSent, audit.TargetMessage(id), details)
	})
	if err != nil {
		return err
	}
	return httpx.Redirect(c, paths.BackOfficeMessages+"?"+components.BackOfficeMessagesSentName+"=1")
}
