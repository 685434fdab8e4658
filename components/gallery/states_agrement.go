package gallery

import (
	"time"

	"github.com/departement06/extranet-assmat/app/agrement"
	"github.com/departement06/extranet-assmat/app/documents"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// agrementStates: "Mon agrément" and "Documents utiles", and their dashboard
// summaries. The views are built by the features' real builders
// (agrement.Props at the fixed date Today, documents.Props).
func agrementStates() []State {
	st := func(component, name, title, path string, r State) State {
		r.Group, r.Component, r.Name, r.Title, r.Path = GroupAgrement, component, name, title, path
		return r
	}
	day := func(y int, m time.Month, d int) *time.Time { t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); return &t }

	home := agrement.Agrement{
		Numero: "AGR-06-2019-100001", Statut: "En cours de validité",
		FirstGrant: day(2019, 9, 1), ValidFrom: day(2024, 9, 1), ValidUntil: day(2029, 8, 31),
		Capacity: 4, Under3: 3, Over3: 1,
		Street: LongAddress, Postcode: "06450", Town: LongCommune,
	}
	mam := home
	mam.Numero, mam.AtMAM = "AGR-06-2021-004512", true
	mam.MamName = "Maison d'assistants maternels « Les Petits Loups de la Vésubie et du Haut-Pays »"
	mam.Derogations = "Accueil d'un enfant de moins de 18 mois supplémentaire (2 au lieu d'1), accordé le 01/09/2024\n" +
		"Accueil en horaires atypiques (avant 7 h et après 20 h) pour un enfant, jusqu'au 31/08/2026"
	// Today is 15/01/2026: ends in five months, and ended last summer.
	soon := home
	soon.ValidFrom, soon.ValidUntil = day(2021, 6, 15), day(2026, 6, 14)
	expired := home
	expired.Statut, expired.ValidFrom, expired.ValidUntil = "Échu", day(2020, 9, 1), day(2025, 8, 31)
	unknown := agrement.Agrement{Numero: "AGR-06-2025-000001", Statut: "En cours d'instruction", Capacity: 2, Under3: 2}

	page := func(name, title string, list ...agrement.Agrement) State {
		return st("AgrementPage", name, title, paths.Agrement, State{Render: components.AgrementPage(agrement.Props(list, Today))})
	}
	summary := func(name, title string, list ...agrement.Agrement) State {
		return st("AgrementSummary", name, title, paths.Dashboard,
			State{Fragment: true, Render: components.AgrementSummary(agrement.Props(list, Today))})
	}

	pdf := documents.Document{ID: 7, Title: "Documentation du portail Extranet des assistants maternels du Département des Alpes-Maritimes (version de janvier 2026)",
		Description: "Guide d'utilisation complet : première connexion, tableau de bord, consultation de l'agrément, messages reçus et archivés, déclaration des enfants accueillis et de leurs périodes d'accueil.",
		HasFile:     true, FileName: "documentation-extranet.pdf", FileType: "application/pdf", FileSize: 250_880}
	word := documents.Document{ID: 8, Title: "Modèle de contrat de travail de l'assistant maternel agréé employé par des particuliers",
		HasFile: true, FileName: "modele-contrat.docx", FileType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileSize: 1_258_291}
	link := documents.Document{ID: 9, Title: "Mon-enfant.fr : trouver un mode d'accueil et les informations de la Caisse d'allocations familiales",
		Description: "Le site de la CAF pour les familles et les professionnels de l'accueil du jeune enfant.", URL: "https://monenfant.fr/"}
	all := []documents.Document{pdf, word, link}

	return []State{
		page("domicile", "Agrément à domicile", home),
		page("mam-derogations", "En MAM, avec des dérogations", mam),
		page("echeance-proche", "Fin de validité dans moins de 6 mois", soon),
		page("expire", "Agrément expiré", expired),
		page("plusieurs", "Plusieurs agréments, dates non renseignées", mam, expired, unknown),
		page("aucun", "Aucun agrément", nil...),
		summary("un-agrement", "Tableau de bord : un agrément", home),
		summary("echeance-proche", "Tableau de bord : fin de validité proche", soon),
		summary("plusieurs", "Tableau de bord : plusieurs agréments, dates non renseignées", mam, expired, unknown),
		summary("aucun", "Tableau de bord : aucun agrément"),

		st("DocumentsPage", "liens-et-fichiers", "Fichiers et liens, titres longs", paths.Documents,
			State{Render: components.DocumentsPage(documents.Props(all))}),
		st("DocumentsPage", "vide", "Aucun document", paths.Documents,
			State{Render: components.DocumentsPage(documents.Props(nil))}),
		st("DocumentLink", "fichier", "Téléchargement d'un fichier PDF", paths.Documents,
			State{Fragment: true, Render: components.DocumentLink(documents.Props([]documents.Document{pdf}).Documents[0])}),
		st("DocumentLink", "lien", "Lien vers un autre site", paths.Documents,
			State{Fragment: true, Render: components.DocumentLink(documents.Props([]documents.Document{link}).Documents[0])}),
		st("DocumentsSummary", "liens-et-fichiers", "Tableau de bord : fichiers et liens", paths.Dashboard,
			State{Fragment: true, Render: components.DocumentsSummary(documents.Props(all))}),
		st("DocumentsSummary", "vide", "Tableau de bord : aucun document", paths.Dashboard,
			State{Fragment: true, Render: components.DocumentsSummary(documents.Props(nil))}),
	}
}
