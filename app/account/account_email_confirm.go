package account

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/mail"
	"github.com/departement06/extranet-assmat/app/throttle"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// ShowConfirmEmail opens the link sent to the new address: a page with a
// button, since a link opened by a mail scanner must change nothing.
func (h *Handlers) ShowConfirmEmail(c *fiber.Ctx) error {
	token := strings.Clone(c.Params("token"))
	link, ok, err := credentials.FindLink(c.UserContext(), h.q, token, credentials.PurposeChangeEmail, h.Now())
	if err != nil {
		return err
	}
	if !ok {
		return renderLinkInvalid(c)
	}
	return httpx.Render(c, httpx.View{Title: "Confirmer votre nouvelle adresse email",
		Page: components.ConfirmEmailPage(link.NewEmail, paths.ConfirmEmail+token)})
}

// SubmitConfirmEmail spends the link, changes the address and tells the old
// one. Submissions are counted per client address, like the link form's.
func (h *Handlers) SubmitConfirmEmail(c *fiber.Ctx) error {
	ctx := c.UserContext()
	token := strings.Clone(c.Params("token"))
	if r, err := h.throttle.Reserve(ctx, throttle.TokenClientKey(httpx.ClientIP(c))); err != nil {
		return err
	} else if !r.Allowed() {
		return fiber.NewError(fiber.StatusTooManyRequests)
	}
	now := h.Now()
	pending, ok, err := credentials.FindLink(ctx, h.q, token, credentials.PurposeChangeEmail, now)
	if err != nil {
		return err
	}
	if !ok {
		return renderLinkInvalid(c)
	}
	var spent bool
	err = pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		q := db.New(tx)
		// The account's row first, as every transaction on its links (see LockAssmat).
		if _, err := q.LockAssmat(ctx, pending.AssmatID); err != nil {
			return err
		}
		link, ok, err := credentials.SpendLink(ctx, q, token, credentials.PurposeChangeEmail, now)
		if spent = ok; !ok || err != nil {
			return err
		}
		changed, err := q.SetEmail(ctx, db.SetEmailParams{ID: link.AssmatID, Email: link.NewEmail, Now: now})
		if err != nil {
			return err
		}
		if changed.OldEmail == nil || strings.EqualFold(*changed.OldEmail, link.NewEmail) {
			return nil
		}
		return h.Mail.Enqueue(ctx, tx, *changed.OldEmail, "Votre adresse email a été modifiée – Extranet Assistants Maternels", mail.Content{
			Name: changed.Prenom + " " + changed.Nom,
			Intros: []string{"L'adresse email de votre compte sur l'extranet des assistants maternels a été remplacée par " +
				MaskEmail(link.NewEmail) + ". Cette adresse-ci ne recevra plus nos courriels."},
			Outros: []string{"Si vous n'êtes pas à l'origine de ce changement, contactez au plus vite le service des modes d'accueil de la petite enfance."},
		})
	})
	if err != nil {
		return err
	}
	if !spent {
		return renderLinkInvalid(c)
	}
	return httpx.Redirect(c, paths.EmailConfirmed)
}

// ShowEmailConfirmed is the page after a confirmed change.
func (h *Handlers) ShowEmailConfirmed(c *fiber.Ctx) error {
	return httpx.Render(c, httpx.View{Title: "Adresse email confirmée", Page: components.EmailConfirmedPage()})
}

func renderLinkInvalid(c *fiber.Ctx) error {
	return httpx.Render(c, httpx.View{
		Title:  "Lien expiré",
		Page:   components.LinkInvalidPage(paths.Account, "Demander un nouveau lien depuis Mon compte"),
		Status: fiber.StatusGone,
	})
}

// MaskEmail shows enough of an address for its owner to recognise it:
// "gertrude.assmat@example.fr" → "g***@example.fr".
func MaskEmail(e string) string {
	at := strings.LastIndexByte(e, '@')
	if at < 1 {
		return "***"
	}
	return e[:1] + "***" + e[at:]
}
