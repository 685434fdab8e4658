// Package devmail serves the development mailbox: the emails the app keeps
// instead of sending when no SMTP server is configured. Its routes are only
// registered outside production.
package devmail

import (
	"errors"
	"regexp"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// Handlers serves the mailbox.
type Handlers struct{ q *db.Queries }

// New returns the handlers.
func New(pool *pgxpool.Pool) *Handlers { return &Handlers{q: db.New(pool)} }

var linkPattern = regexp.MustCompile(`https?://[^\s)>\]]+`)

// List shows the latest emails with their links.
func (h *Handlers) List(c *fiber.Ctx) error {
	rows, err := h.q.ListDevMail(c.UserContext())
	if err != nil {
		return err
	}
	mails := make([]components.DevMail, len(rows))
	for i, r := range rows {
		mails[i] = components.DevMail{ID: r.ID, To: r.ToAddr, Subject: r.Subject, SentAt: r.CreatedAt,
			Links: linkPattern.FindAllString(r.Text, -1)}
	}
	return httpx.Render(c, httpx.View{Title: "Courriels (développement)", Page: components.DevMailboxPage(mails)})
}

// Show answers one email's HTML as the recipient would see it. Its inline
// styles need a CSP of their own; it runs no script.
func (h *Handlers) Show(c *fiber.Ctx) error {
	id, err := httpx.RouteID(c)
	if err != nil {
		return err
	}
	m, err := h.q.GetDevMail(c.UserContext(), id)
	if errors.Is(err, pgx.ErrNoRows) {
		return fiber.ErrNotFound
	}
	if err != nil {
		return err
	}
	c.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; form-action 'none'; frame-ancestors 'none'")
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Type("html", "utf-8")
	return c.SendString(m.Html)
}
