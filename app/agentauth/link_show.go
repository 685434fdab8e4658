package agentauth

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// ShowSetPassword opens an agent's link: the password form, or a page saying
// the link was used or has expired. Like the childminders' link, it is its
// own proof, whoever holds it.
func (h *Handlers) ShowSetPassword(c *fiber.Ctx) error {
	token := strings.Clone(c.Params("token"))
	_, ok, err := h.findLink(c, h.q, token)
	if err != nil {
		return err
	}
	if !ok {
		return renderLinkInvalid(c)
	}
	return renderSetPassword(c, LinkProps(token, nil), fiber.StatusOK)
}

// findLink is the pending link of a token; ok is false when the token is
// malformed (no query), unknown, used or expired.
func (h *Handlers) findLink(c *fiber.Ctx, q *db.Queries, token string) (db.GetValidAgentTokenRow, bool, error) {
	if !credentials.ValidTokenShape(token) {
		return db.GetValidAgentTokenRow{}, false, nil
	}
	link, err := q.GetValidAgentToken(c.UserContext(), db.GetValidAgentTokenParams{TokenHash: credentials.HashToken(token), Now: h.Now()})
	if errors.Is(err, pgx.ErrNoRows) {
		return link, false, nil
	}
	return link, err == nil, err
}

func renderSetPassword(c *fiber.Ctx, p components.BackOfficePasswordProps, status int) error {
	return backoffice.Render(c, httpx.View{
		Title:    httpx.Title("Définir votre mot de passe", p.Errors),
		Page:     components.BackOfficePasswordPage(p),
		Fragment: components.BackOfficePasswordCard(p),
		Status:   status,
	})
}

func renderLinkInvalid(c *fiber.Ctx) error {
	return backoffice.Render(c, httpx.View{
		Title:  "Lien expiré",
		Page:   components.LinkInvalidPage(paths.BackOfficeLogin, "Aller à la connexion des agents (un autre lien vous sera donné par l'administrateur de l'extranet)"),
		Status: fiber.StatusGone,
	})
}
