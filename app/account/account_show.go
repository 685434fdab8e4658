package account

import (
	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/profile"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
)

// Show renders "Mon compte" from the childminder the session already loaded.
func (h *Handlers) Show(c *fiber.Ctx) error {
	v := pageView(session.CurrentUser(c))
	v.Notice = httpx.TakeNotice(c)
	return render(c, v, nil, fiber.StatusOK)
}

func pageView(u *session.User) PageView {
	v := PageView{Info: profile.PersonalInfo(u)}
	if u.Email != nil {
		v.CurrentEmail = *u.Email
	}
	return v
}

// render answers the page, or to htmx the section of the form that was
// posted (nil: none).
func render(c *fiber.Ctx, v PageView, section func(components.AccountProps) templ.Component, status int) error {
	p := PageProps(v)
	errs := append(append(components.Errors(nil), p.PasswordErrors...), p.EmailErrors...)
	var fragment templ.Component
	if section != nil {
		fragment = section(p)
	}
	return httpx.Render(c, httpx.View{
		Title:    httpx.Title("Mon compte", errs),
		Page:     components.AccountPage(p),
		Fragment: fragment,
		Status:   status,
	})
}
