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

// maxChildren is how many children the section shows; "Voir plus..." leads
// to the rest. (The messages section's 5 are written in DashboardMessages.)
const maxChildren = 10

// Show renders the dashboard: the identity the session middleware already
// loaded, and the four other sections, read with the session (Reads).
func (h *Handlers) Show(c *fiber.Ctx) error {
	u := session.CurrentUser(c)
	p, err := session.Load(c, h.pool, PageName, u.ID, h.Reads)
	if err != nil {
		return err
	}
	p.Info = profile.PersonalInfo(u)
	return httpx.Render(c, httpx.View{Title: "Tableau de bord", Page: components.DashboardPage(p)})
}

// PageName names the dashboard's reads for session.Prefetch.
const PageName = "dashboard"

// Reads queues the four sections of the dashboard: what the session
// middleware prefetches in its own batch (session.Prefetch).
func (h *Handlers) Reads(_ *fiber.Ctx, b *pgx.Batch, userID int64) func() (components.DashboardProps, error) {
	today := paris.Today(h.now())
	messages := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) ([]db.DashboardMessagesRow, error) {
		return q.DashboardMessages(ctx, userID) // the 5 latest (written in the query)
	})
	children := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) ([]db.DashboardChildrenRow, error) {
		return q.DashboardChildren(ctx, db.DashboardChildrenParams{AssmatID: userID, Today: today, MaxRows: maxChildren})
	})
	agrements := agrement.QueueDashboard(b, userID, today)
	docs := documents.QueueDashboard(b)
	return func() (components.DashboardProps, error) {
		var p components.DashboardProps
		var err error
		if p.Agrement, err = agrements(); err != nil {
			return p, err
		}
		if p.Documents, err = docs(); err != nil {
			return p, err
		}
		msgs, err := messages()
		if err != nil {
			return p, err
		}
		kids, err := children()
		if err != nil {
			return p, err
		}
		p.Messages = messageRows(msgs)
		p.Children, p.MoreChildren = childRows(kids)
		return p, nil
	}
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
