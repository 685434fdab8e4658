package dashboard

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
)

// Show renders the dashboard. The personal information is the childminder the
// session middleware already loaded: no query of its own.
func (h *Handlers) Show(c *fiber.Ctx) error {
	u := session.CurrentUser(c)
	props := components.DashboardProps{Info: PersonalInfo(u)}
	return httpx.Render(c, httpx.View{Title: "Tableau de bord", Page: components.DashboardPage(props)})
}

// PersonalInfo is the identity block shown on the dashboard and on "Mon compte".
func PersonalInfo(u *session.User) components.PersonalInfo {
	return components.PersonalInfo{
		Civilite:           u.Civilite,
		Nom:                u.Nom,
		Prenom:             u.Prenom,
		DateNaissance:      u.DateNaissance,
		SituationFamiliale: u.SituationFamiliale,
		Adresse:            u.Adresse,
		CodePostal:         u.CodePostal,
		Commune:            u.Commune,
	}
}
