package account

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// PasswordForm is what "Changer votre mot de passe" posts.
type PasswordForm struct {
	Current, New, Confirmation string
}

// Validate checks the form without the database: presence, policy, confirmation.
func (f PasswordForm) Validate() components.Errors {
	var errs components.Errors
	if f.Current == "" {
		errs.Add("mdp-actuel", credentials.MsgCurrentMissing)
	}
	pwErr, confErr := credentials.CheckNewPassword(f.New, f.Confirmation)
	errs.Add("mdp-nouveau", pwErr)
	errs.Add("mdp-confirmation", confErr)
	if pwErr == "" && f.Current != "" && f.Current == f.New {
		errs.Add("mdp-nouveau", credentials.MsgSameAsCurrent)
	}
	return errs
}

// SubmitPassword changes the password. On success every session of the
// childminder ends, this one too, and she signs in again.
func (h *Handlers) SubmitPassword(c *fiber.Ctx) error {
	u := session.CurrentUser(c)
	f := PasswordForm{Current: form.Raw(c, "mot_de_passe_actuel"), New: form.Raw(c, "nouveau_mot_de_passe"), Confirmation: form.Raw(c, "confirmation")}
	errs := f.Validate()
	if len(errs) == 0 {
		hash, err := h.q.GetPasswordHash(c.UserContext(), u.ID)
		if err != nil {
			return err
		}
		if !credentials.CheckPassword(f.Current, hash) {
			errs.Add("mdp-actuel", credentials.MsgCurrentWrong)
		}
	}
	if len(errs) > 0 {
		p := props(u)
		p.PasswordErrors = errs
		return render(c, p, components.AccountPasswordSection(p), fiber.StatusUnprocessableEntity)
	}
	if err := credentials.SetPassword(c.UserContext(), h.q, u.ID, f.New, h.Now(), nil); err != nil {
		return err
	}
	if err := h.Sessions.Logout(c); err != nil {
		return err
	}
	httpx.SetNotice(c, httpx.NoticePasswordChanged)
	return httpx.Redirect(c, paths.Login)
}
