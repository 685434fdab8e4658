package auth

import (
	"context"
	"errors"
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

// linkAnswerFloor is the least time the link form takes to answer, so that
// its timing tells nothing either (see SubmitLinkRequest).
const linkAnswerFloor = 100 * time.Millisecond

// SubmitLinkRequest emails a link to set the password when the identity
// matches the account. The answer is the same whether it matched or not, and
// whether the account's counter allowed it or not, so that the form tells
// nobody which accounts exist nor which address is an account's; and it takes
// the same time: for an existing identifier the link and its email are
// prepared either way (and rolled back when not sent), and no answer comes
// before linkAnswerFloor. Only the client address's own limit is shown.
func (h *Handlers) SubmitLinkRequest(c *fiber.Ctx) error {
	ctx := c.UserContext()
	started := time.Now()
	f := ParseLinkRequestForm(c)
	born, errs := f.Validate()
	if len(errs) > 0 {
		return renderLinkRequest(c, LinkRequestProps(f, LinkRequestView{Errors: errs}), fiber.StatusUnprocessableEntity)
	}
	ip := httpx.ClientIP(c)
	if r, err := h.throttle.Reserve(ctx, throttle.LinkClientKey(ip)); err != nil {
		return err
	} else if !r.Allowed() {
		errs := components.FormErrors(throttle.Explain(r.RetryAt, h.Now()))
		return renderLinkRequest(c, LinkRequestProps(f, LinkRequestView{Errors: errs}), fiber.StatusTooManyRequests)
	}
	account, err := h.q.GetAssmatIdentity(ctx, f.Login)
	found := err == nil
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	matches := found && identityMatches(account, f, born)
	// Every request counts on the account: a link is an email sent, and a
	// guess of an identity. A link that can only reach the address the
	// account already has counts apart: strangers' guesses, which never reach
	// that mailbox, cannot keep its owner from getting hers. An account
	// without an address sends to the one typed: every request is a guess.
	key := throttle.LinkGuessKey(f.Login)
	to := f.Email
	if matches && account.Email != nil {
		key, to = throttle.LinkMailboxKey(f.Login), *account.Email
	}
	r, err := h.throttle.Reserve(ctx, key)
	if err != nil {
		return err
	}
	send := matches && r.Allowed()
	if found {
		if err := h.sendPasswordLink(ctx, account, to, send); err != nil {
			return err
		}
	}
	if !send {
		h.Log.Info("password link not sent", "identity_matches", matches, "throttled", !r.Allowed(), "ip", ip)
	}
	if err := sleepUntil(ctx, started.Add(linkAnswerFloor)); err != nil {
		return err
	}
	httpx.SetNotice(c, NoticeLinkSent)
	return httpx.Redirect(c, paths.FirstLogin)
}

func sleepUntil(ctx context.Context, t time.Time) error {
	timer := time.NewTimer(time.Until(t))
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// identityMatches compares names without case or accents and the birth date
// exactly. An account that already has an email only sends to that address.
func identityMatches(a db.GetAssmatIdentityRow, f LinkRequestForm, born time.Time) bool {
	if !credentials.SameName(a.Nom, f.LastName) || !credentials.SameName(a.Prenom, f.FirstName) {
		return false
	}
	if !a.DateNaissance.Equal(born) {
		return false
	}
	return a.Email == nil || credentials.SameEmail(*a.Email, f.Email)
}

// errNotSent rolls back a link prepared for an identity that did not match.
var errNotSent = errors.New("identity does not match: link not sent")

// sendPasswordLink stores a one-time link and enqueues its email in one
// transaction, committed only when send is true.
func (h *Handlers) sendPasswordLink(ctx context.Context, a db.GetAssmatIdentityRow, email string, send bool) error {
	err := pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		q := db.New(tx)
		// The account's row first (see LockAssmat): a link issued while the
		// password changes is either killed by the change or issued after it.
		if _, err := q.LockAssmat(ctx, a.ID); err != nil {
			return err
		}
		token, err := credentials.IssueLink(ctx, q, a.ID, credentials.PurposeSetPassword, email, h.Now(), h.LinkTTL)
		if err != nil {
			return err
		}
		err = h.Mail.Enqueue(ctx, tx, email, "Définir votre mot de passe – Extranet Assistants Maternels", mail.Content{
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
		if err == nil && !send {
			return errNotSent
		}
		return err
	})
	if errors.Is(err, errNotSent) {
		return nil
	}
	return err
}
