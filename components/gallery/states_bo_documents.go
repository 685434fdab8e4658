package gallery

import (
	"github.com/departement06/extranet-assmat/app/bodocuments"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// boDocumentsStates: the back office's Documents utiles, built by
// app/bodocuments' view builders and its real validation (the upload's
// messages are its content checks').
func boDocumentsStates() []State {
	rows := []db.BOListDocumentsRow{
		{ID: 1, Title: "Guide de l'accueil du jeune enfant chez l'assistant maternel agréé du Département des Alpes-Maritimes, édition 2026",
			FileName: "guide.pdf", FileType: "application/pdf", FileSize: 2_400_000},
		{ID: 2, Title: "Mon enfant", Url: "https://www.monenfant.fr/"},
		{ID: 3, Title: "Contrat de travail type", FileName: "contrat.docx",
			FileType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileSize: 48_000},
	}
	list := func(component, name, title string, p components.BackOfficeDocumentsProps) State {
		r := components.BackOfficeDocumentsPage(p)
		if component == "BackOfficeDocumentsList" {
			r = components.BackOfficeDocumentsList(p)
		}
		return State{Group: GroupBackOffice, Component: component, Name: name, Title: title, Render: r, Path: paths.BackOfficeDocuments,
			Fragment: component == "BackOfficeDocumentsList", BackOffice: true}
	}
	form := func(name, title string, f bodocuments.Form, validate bool, current string) State {
		var errs components.Errors
		if validate {
			errs, _ = f.Validate(current != "")
		}
		heading, action := "Ajouter un document ou un lien", components.BackOfficeDocumentsNew
		if current != "" || name == "modifier-lien" {
			heading, action = "Modifier un document ou un lien", components.BackOfficeDocumentPath(1, components.DocumentEdit)
		}
		return State{Group: GroupBackOffice, Component: "BackOfficeDocumentFormPage", Name: name, Title: title,
			Render: components.BackOfficeDocumentFormPage(bodocuments.FormProps(heading, action, f, errs, current)), Path: action, BackOffice: true}
	}
	renamed := bodocuments.Form{Title: "Guide", Kind: components.DocumentKindFile, File: &bodocuments.Upload{Name: "guide.pdf", Content: []byte("MZ\x90\x00")}}
	big := bodocuments.Form{Title: "Guide", Kind: components.DocumentKindFile, File: &bodocuments.Upload{Name: "guide.pdf", TooLarge: true}}
	return []State{
		list("BackOfficeDocumentsPage", "liste", "Liens et fichiers, dans l'ordre", bodocuments.ListProps(rows, "")),
		list("BackOfficeDocumentsPage", "publie", "Après une publication (message)", bodocuments.ListProps(rows[:1], "Le document est publié.")),
		list("BackOfficeDocumentsPage", "vide", "Aucun document", bodocuments.ListProps(nil, "")),
		list("BackOfficeDocumentsList", "deplace", "Fragment htmx : la liste après un déplacement", bodocuments.ListProps(rows, "")),
		form("vide", "Vide", bodocuments.Form{}, false, ""),
		form("erreurs", "ENREGISTRER sans rien saisir", bodocuments.Form{}, true, ""),
		form("lien-invalide", "Adresse de lien refusée", bodocuments.Form{Title: "Site", Kind: components.DocumentKindLink, URL: "javascript:alert(1)"}, true, ""),
		form("fichier-renomme", "Fichier refusé : son contenu n'est pas celui de son extension", renamed, true, ""),
		form("fichier-trop-gros", "Fichier de plus de 10 Mo", big, true, ""),
		form("modifier-fichier", "Modifier un fichier (il est gardé)", bodocuments.Form{Title: rows[0].Title, Kind: components.DocumentKindFile}, false, "guide-accueil-jeune-enfant-2026.pdf"),
		form("modifier-lien", "Modifier un lien", bodocuments.Form{Title: "Mon enfant", Kind: components.DocumentKindLink, URL: "https://www.monenfant.fr/"}, false, ""),
		{Group: GroupBackOffice, Component: "BackOfficeDocumentDeletePage", Name: "confirmation", Title: "Confirmer la suppression",
			Render: components.BackOfficeDocumentDeletePage(components.BackOfficeDocumentDeleteProps{Title: rows[0].Title,
				Action: components.BackOfficeDocumentPath(1, components.DocumentDelete)}),
			Path: components.BackOfficeDocumentPath(1, components.DocumentDelete), BackOffice: true},
	}
}
