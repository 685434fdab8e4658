package auth

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// ShowSetPassword opens the emailed link: the password form, or a French page
// offering a new link when this one was used or has expired.
func (h *Handlers) ShowSetPassword(c *fiber.Ctx) error {
	token := strings.Clone(c.Params("token"))
	ok, err := h.linkValid(c, token)
	if err != nil {
		return err
	}
	if !ok {
		return renderLinkInvalid(c)
	}
	return renderPasswordChange(c, setPasswordProps(token, nil), fiber.StatusOK)
}

func (h *Handlers) linkValid(c *fiber.Ctx, token string) (bool, error) {
	_, ok, err := credentials.FindLink(c.UserContext(), h.q, token, credentials.PurposeSetPassword, h.Now())
	return ok, err
}

func setPasswordProps(token string, errs components.Errors) components.PasswordChangeProps {
	return PasswordChangeProps(PasswordView{Action: paths.SetPassword + token, Errors: errs})
}

func renderLinkInvalid(c *fiber.Ctx) error {
	return httpx.Render(c, httpx.View{
		Title:  "Lien expiré",
		Page:   components.LinkInvalidPage(paths.FirstLogin, "Demander un nouveau lien"),
		Status: fiber.StatusGone,
	})
}
