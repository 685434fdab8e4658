package gallery

import (
	"time"

	"github.com/departement06/extranet-assmat/app/agrement"
	"github.com/departement06/extranet-assmat/app/documents"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// dashboardStates: the dashboard full (every section holds something, long
// values) and empty (a new account). The agrément and documents sections
// are built by their features' real builders, as the handler does.
func dashboardStates() []State {
	dash := func(name, title string, p components.DashboardProps) State {
		p.Info = Childminder
		return State{Group: GroupAccount, Component: "DashboardPage", Name: name, Title: title,
			Render: components.DashboardPage(p), Path: paths.Dashboard}
	}
	until := time.Date(2026, 8, 31, 0, 0, 0, 0, time.UTC)
	from := time.Date(2021, 9, 1, 0, 0, 0, 0, time.UTC)
	full := components.DashboardProps{
		Messages: []components.DashboardMessage{
			{ID: 7, Date: "Le 03/11/2025 à 09:12", Type: "Personnel", Subject: "Votre demande de renouvellement d'agrément : pièces complémentaires à fournir", Unread: true},
			{ID: 6, Date: "Le 21/10/2024 à 15:31", Type: "Général", Subject: "attention regardez la météo pour les alertes orange ou rouges"},
			{ID: 5, Date: "Le 06/08/2024 à 15:04", Type: "Général", Subject: "Canicule : conseils pour l'accueil des jeunes enfants"},
		},
		Children: []components.DashboardChild{
			{ID: 42, Name: LongFirstName + " " + DoubleSurname},
			{ID: 43, Name: "Lucas MARTIN"},
		},
		MoreChildren: 3,
		Agrement: agrement.Props([]agrement.Agrement{{Numero: "AGR-06-2021-00417", Statut: "En cours de validité",
			ValidFrom: &from, ValidUntil: &until, Capacity: 4, Under3: 3, Over3: 1}}, Today),
		Documents: documents.Props([]documents.Document{
			{ID: 1, Title: "Documentation du portail Extranet", HasFile: true, FileName: "documentation.pdf", FileType: "application/pdf", FileSize: 250_880},
			{ID: 2, Title: "Guide de l'assistant maternel : droits, obligations et bonnes pratiques de l'accueil à domicile", URL: "https://www.example.fr/guide"},
		}),
	}
	empty := components.DashboardProps{Agrement: agrement.Props(nil, Today), Documents: documents.Props(nil)}
	return []State{
		dash("complet", "Tableau de bord : chaque section remplie, un message non lu", full),
		dash("nouveau-compte", "Tableau de bord d'un nouveau compte : sections vides", empty),
	}
}
