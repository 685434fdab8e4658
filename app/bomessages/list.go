package bomessages

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// NoticeSent is what the list says after a message is sent.
const NoticeSent = "Votre message a été envoyé."

// List shows a page of the sent messages with their reads: one statement
// (BOListSentMessages) for the page, its read counts and the totals. htmx
// (a page link) gets the list's region only.
func (h *Handlers) List(c *fiber.Ctx) error {
	page, err := pageOf(c)
	if err != nil {
		return err
	}
	raw, err := h.q.BOListSentMessages(c.UserContext(), db.BOListSentMessagesParams{
		PageSize: PageSize, PageOffset: int32((page - 1) * PageSize),
	})
	if err != nil {
		return err
	}
	var total int64
	rows := make([]SentMessage, len(raw))
	for i, r := range raw {
		total = r.Total
		rows[i] = SentMessage{CreatedAt: r.CreatedAt, Sender: r.SenderService, Subject: r.Subject, Personal: r.Personal,
			RecipientName: r.RecipientName, RecipientLogin: r.RecipientLogin, ReadCount: r.ReadCount, ActiveCount: r.ActiveCount}
	}
	if len(raw) == 0 && page > 1 {
		return fiber.ErrNotFound
	}
	notice := ""
	if c.Query(components.BackOfficeMessagesSentName) != "" {
		notice = NoticeSent
	}
	p := ListProps(rows, total, page, notice)
	return backoffice.Render(c, httpx.View{Title: "Messages", Page: components.BackOfficeMessagesPage(p),
		Fragment: components.BackOfficeMessagesList(p)})
}
