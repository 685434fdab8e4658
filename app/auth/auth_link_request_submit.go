package auth

import (
	"context"
	"errors"
	"strings"
	"time"

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

// SubmitLinkRequest emails a link to set the password when the identity
// matches the account. The answer is the same whether it matched or not, so
// that the form tells nobody which accounts exist.
func (h *Handlers) SubmitLinkRequest(c *fiber.Ctx) error {
	ctx := c.UserContext()
	f := ParseLinkRequestForm(c)
	born, errs := f.Validate()
	if len(errs) > 0 {
		return renderLinkRequest(c, f.props(errs), fiber.StatusUnprocessableEntity)
	}
	// Every request counts: a link is an email sent, and a guess of an identity.
	keys := []throttle.Key{
		{Name: "link-id:" + strings.ToLower(f.Identifiant), Limits: throttle.LinkIdentifier},
		{Name: "link-ip:" + c.IP(), Limits: throttle.LinkClient},
	}
	if at, err := h.throttle.RetryAt(ctx, keys...); err != nil {
		return err
	} else if !at.IsZero() {
		return renderLinkRequest(c, f.props(components.FormErrors(throttle.Explain(at, h.Now()))), fiber.StatusTooManyRequests)
	}
	if err := h.throttle.Fail(ctx, keys...); err != nil {
		return err
	}
	account, err := h.q.GetAssmatIdentity(ctx, f.Identifiant)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	if err == nil && identityMatches(account, f, born) {
		if err := h.sendPasswordLink(ctx, account, f.Email); err != nil {
			return err
		}
	} else {
		h.Log.Info("password link refused: identity does not match", "ip", c.IP())
	}
	httpx.SetNotice(c, httpx.NoticeLinkSent)
	return httpx.Redirect(c, paths.FirstLogin)
}

// identityMatches compares names without case or accents and the birth date
// exactly. An account that already has an email only sends to that address.
func identityMatches(a db.GetAssmatIdentityRow, f LinkRequestForm, born time.Time) bool {
	if !credentials.SameName(a.Nom, f.Nom) || !credentials.SameName(a.Prenom, f.Prenom) {
		return false
	}
	if !a.DateNaissance.Equal(born) {
		return false
	}
	return a.Email == nil || strings.EqualFold(*a.Email, f.Email)
}

// sendPasswordLink stores a one-time link and enqueues its email in one transaction.
func (h *Handlers) sendPasswordLink(ctx context.Context, a db.GetAssmatIdentityRow, email string) error {
	return pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		token, err := credentials.IssueLink(ctx, db.New(tx), a.ID, credentials.PurposeSetPassword, email, h.Now(), h.LinkTTL)
		if err != nil {
			return err
		}
		return h.Mail.Enqueue(ctx, tx, email, "Définir votre mot de passe – Extranet Assistants Maternels", mail.Content{
			Name: a.Prenom + " " + a.Nom,
			Intros: []string{"Vous avez demandé à définir le mot de passe de votre compte (identifiant " + a.Login +
				") sur l'extranet des assistants maternels du Département des Alpes-Maritimes."},
			Action: &mail.Action{
				Instructions: "Pour choisir votre mot de passe, cliquez sur le bouton ci-dessous. Ce lien ne sert qu'une fois et expire au bout de " + credentials.LifetimeFR(h.LinkTTL) + ".",
				Button:       "Définir mon mot de passe",
				Link:         h.BaseURL + paths.SetPassword + token,
			},
			Outros: []string{"Si vous n'êtes pas à l'origine de cette demande, ignorez ce courriel : votre compte reste inchangé."},
		})
	})
}
