package dashboard

import (
	"context"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/agrement"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/dbbatch"
	"github.com/departement06/extranet-assmat/app/documents"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/paris"
	"github.com/departement06/extranet-assmat/app/profile"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
)

// How much the messages and children sections show; "Voir plus..." leads to
// the rest.
const (
	maxMessages = 5
	maxChildren = 10
)

// Show renders the dashboard: the identity the session middleware already
// loaded, and the four other sections in one batch.
func (h *Handlers) Show(c *fiber.Ctx) error {
	ctx := c.UserContext()
	u := session.CurrentUser(c)
	today := paris.Today(h.now())
	b := &pgx.Batch{}
	messages := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) ([]db.DashboardMessagesRow, error) {
		return q.DashboardMessages(ctx, db.DashboardMessagesParams{AssmatID: u.ID, MaxRows: maxMessages})
	})
	children := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) ([]db.DashboardChildrenRow, error) {
		return q.DashboardChildren(ctx, db.DashboardChildrenParams{AssmatID: u.ID, Today: today, MaxRows: maxChildren})
	})
	agrements := agrement.QueueDashboard(b, u.ID, today)
	docs := documents.QueueDashboard(b)
	if err := h.pool.SendBatch(ctx, b).Close(); err != nil {
		return err
	}
	p := components.DashboardProps{Info: profile.PersonalInfo(u)}
	var err error
	if p.Agrement, err = agrements(); err != nil {
		return err
	}
	if p.Documents, err = docs(); err != nil {
		return err
	}
	msgs, err := messages()
	if err != nil {
		return err
	}
	kids, err := children()
	if err != nil {
		return err
	}
	p.Messages = messageRows(msgs)
	p.Children, p.MoreChildren = childRows(kids)
	return httpx.Render(c, httpx.View{Title: "Tableau de bord", Page: components.DashboardPage(p)})
}

func messageRows(rows []db.DashboardMessagesRow) []components.DashboardMessage {
	out := make([]components.DashboardMessage, 0, len(rows))
	for _, m := range rows {
		kind := "Général"
		if m.Personal {
			kind = "Personnel"
		}
		out = append(out, components.DashboardMessage{ID: m.ID, Date: components.DateTime(m.CreatedAt),
			Type: kind, Subject: m.Subject, Unread: !m.Read})
	}
	return out
}

// childRows are the children listed, and how many more she has.
func childRows(rows []db.DashboardChildrenRow) ([]components.DashboardChild, int) {
	out := make([]components.DashboardChild, 0, len(rows))
	total := 0
	for _, ch := range rows {
		out = append(out, components.DashboardChild{ID: ch.ID, Name: ch.Prenom + " " + ch.Nom})
		total = int(ch.Total)
	}
	return out, total - len(out)
}
