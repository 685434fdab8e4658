package account

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/mail"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/app/throttle"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// SubmitEmail sends a confirmation link to the new address; the address
// changes only when the link is followed.
func (h *Handlers) SubmitEmail(c *fiber.Ctx) error {
	ctx := c.UserContext()
	u := session.CurrentUser(c)
	v := pageView(u)
	v.NewEmail = ParseNewEmail(c)
	if msg := ValidateNewEmail(v.NewEmail, v.CurrentEmail); msg != "" {
		v.EmailError = msg
		return render(c, v, components.AccountEmailSection, fiber.StatusUnprocessableEntity)
	}
	// Each request emails an address the visitor chose: counted per account,
	// so that a session cannot make the département's sender a spam relay.
	if r, err := h.throttle.Reserve(ctx, throttle.EmailChangeKey(u.Login)); err != nil {
		return err
	} else if !r.Allowed() {
		v.EmailError = throttle.Explain(r.RetryAt, h.Now())
		return render(c, v, components.AccountEmailSection, fiber.StatusTooManyRequests)
	}
	err := pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		q := db.New(tx)
		// The account's row first (see LockAssmat): if the password changed
		// since this request's session was checked, the session is over and
		// no link may outlive the change.
		changedAt, err := q.LockAssmat(ctx, u.ID)
		if err != nil {
			return err
		}
		if !sameTime(changedAt, u.PasswordChangedAt) {
			return errSessionEnded
		}
		token, err := credentials.IssueLink(ctx, q, u.ID, credentials.PurposeChangeEmail, v.NewEmail, h.Now(), h.LinkTTL)
		if err != nil {
			return err
		}
		return h.Mail.Enqueue(ctx, tx, v.NewEmail, "Confirmez votre nouvelle adresse email – Extranet Assistants Maternels", mail.Content{
			Name: u.Prenom + " " + u.Nom,
			Intros: []string{"Vous avez demandé à utiliser cette adresse pour votre compte (identifiant " + u.Login +
				") sur l'extranet des assistants maternels du Département des Alpes-Maritimes."},
			Action: &mail.Action{
				Instructions: "Pour la confirmer, cliquez sur le bouton ci-dessous. Ce lien ne sert qu'une fois et expire au bout de " +
					credentials.LifetimeFR(h.LinkTTL) + ".",
				Button: "Confirmer mon adresse email",
				Link:   h.BaseURL + paths.ConfirmEmail + token,
			},
			Outros: []string{"Si vous n'êtes pas à l'origine de cette demande, ignorez ce courriel : votre compte reste inchangé."},
		})
	})
	if errors.Is(err, errSessionEnded) {
		if err := h.Sessions.Logout(c); err != nil {
			return err
		}
		httpx.SetNotice(c, session.NoticeSessionEnded)
		return httpx.Redirect(c, paths.Login)
	}
	if err != nil {
		return err
	}
	httpx.SetNotice(c, NoticeEmailChangeSent)
	return httpx.Redirect(c, paths.Account)
}

// errSessionEnded rolls back a link asked by a session that the password
// change of another one ended meanwhile.
var errSessionEnded = errors.New("the password changed during the request: session ended")

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}
