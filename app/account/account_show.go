package account

import (
	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/profile"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
)

// Show renders "Mon compte" from the childminder the session already loaded.
func (h *Handlers) Show(c *fiber.Ctx) error {
	p := props(session.CurrentUser(c))
	p.Notice = httpx.TakeNotice(c)
	return render(c, p, nil, fiber.StatusOK)
}

func props(u *session.User) components.AccountProps {
	p := components.AccountProps{Info: profile.PersonalInfo(u), Policy: credentials.PolicyText}
	if u.Email != nil {
		p.CurrentEmail = *u.Email
	}
	return p
}

// render answers the page, or to htmx the section of the form that was posted.
func render(c *fiber.Ctx, p components.AccountProps, section templ.Component, status int) error {
	errs := append(p.PasswordErrors, p.EmailErrors...)
	return httpx.Render(c, httpx.View{
		Title:    httpx.Title("Mon compte", errs),
		Page:     components.AccountPage(p),
		Fragment: section,
		Status:   status,
	})
}
