package account

import (
	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/mail"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// SubmitEmail sends a confirmation link to the new address; the address
// changes only when the link is followed.
func (h *Handlers) SubmitEmail(c *fiber.Ctx) error {
	ctx := c.UserContext()
	u := session.CurrentUser(c)
	p := props(u)
	p.NewEmail = ParseNewEmail(c)
	if msg := ValidateNewEmail(p.NewEmail, p.CurrentEmail); msg != "" {
		p.EmailErrors.Add("email-nouveau", msg)
		return render(c, p, components.AccountEmailSection(p), fiber.StatusUnprocessableEntity)
	}
	err := pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		token, err := credentials.IssueLink(ctx, db.New(tx), u.ID, credentials.PurposeChangeEmail, p.NewEmail, h.Now(), h.LinkTTL)
		if err != nil {
			return err
		}
		return h.Mail.Enqueue(ctx, tx, p.NewEmail, "Confirmez votre nouvelle adresse email – Extranet Assistants Maternels", mail.Content{
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
	if err != nil {
		return err
	}
	httpx.SetNotice(c, httpx.NoticeEmailChangeSent)
	return httpx.Redirect(c, paths.Account)
}
