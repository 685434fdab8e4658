package gallery

import (
	"strconv"
	"strings"
	"time"

	"github.com/departement06/extranet-assmat/app/bomessages"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// boMessagesStates: the back office's Messages, built by app/bomessages'
// view builders (the preview by app/messages' own, through it) and its
// real validation.
func boMessagesStates() []State {
	bo := func(component, name, title, path string, r components.BackOfficeMessagesProps, fragment bool) State {
		c := components.BackOfficeMessagesPage(r)
		if fragment {
			c = components.BackOfficeMessagesList(r)
		}
		return State{Group: GroupBackOffice, Component: component, Name: name, Title: title, Render: c, Path: path,
			Fragment: fragment, BackOffice: true}
	}
	at := time.Date(2026, 1, 15, 9, 30, 0, 0, time.UTC)
	sent := []bomessages.SentMessage{
		{CreatedAt: at, Sender: "Service de Protection Maternelle et Infantile du Département des Alpes-Maritimes",
			Subject:   "Rappel : la déclaration des enfants accueillis doit être faite dans les huit jours suivant le début de l'accueil",
			ReadCount: 18452, ActiveCount: 23107},
		{CreatedAt: at.Add(-time.Hour), Sender: "Service PMI", Subject: "Votre dossier de renouvellement", Personal: true,
			RecipientName: "Marie-Christine DUPONT-LEFÈVRE", RecipientLogin: "100001", ReadCount: 1},
		{CreatedAt: at.Add(-2 * time.Hour), Sender: "Service PMI", Subject: "Pièce manquante", Personal: true,
			RecipientName: "Gertrude ASSMAT", RecipientLogin: "100002"},
	}
	form := func(name, title string, f bomessages.Form, v bomessages.FormView) State {
		return State{Group: GroupBackOffice, Component: "BackOfficeMessageFormPage", Name: name, Title: title,
			Render: components.BackOfficeMessageFormPage(bomessages.FormProps(f, v)), Path: components.BackOfficeMessagesNew, BackOffice: true}
	}
	found := []bomessages.Recipient{
		{ID: 1, Login: "100001", Nom: "ASSMAT", Prenom: "Gertrude", Commune: "Nice"},
		{ID: 2, Login: "100457", Nom: "DUPONT-LEFÈVRE DE LA TOUR", Prenom: "Marie-Christine", Commune: "Saint-Martin-du-Var-sur-les-Hauteurs-du-Mercantour"},
	}
	typed := bomessages.Form{To: components.MessageToOne, RecipientID: 1, Sender: "Service PMI", Subject: "Votre dossier de renouvellement",
		Body: "Bonjour,\n\nVotre dossier de renouvellement est complet.\nVous pouvez consulter https://www.departement06.fr/assistants-maternels.\n\nCordialement."}
	wrong := bomessages.Form{To: components.MessageToOne, Body: strings.Repeat("Très long message. ", 600)}
	return []State{
		bo("BackOfficeMessagesPage", "messages-envoyes", "Messages envoyés et leur lecture", paths.BackOfficeMessages, bomessages.ListProps(sent, 45, 1, ""), false),
		bo("BackOfficeMessagesPage", "apres-envoi", "Après l'envoi (message)", paths.BackOfficeMessages, bomessages.ListProps(sent, 3, 1, bomessages.NoticeSent), false),
		bo("BackOfficeMessagesPage", "aucun", "Aucun message envoyé", paths.BackOfficeMessages, bomessages.ListProps(nil, 0, 1, ""), false),
		bo("BackOfficeMessagesList", "page-2", "Fragment htmx : page 2 sur 3", paths.BackOfficeMessages, bomessages.ListProps(sent, 45, 2, ""), true),
		form("vide", "Vide", bomessages.Form{}, bomessages.FormView{}),
		form("recherche", "Résultats de la recherche d'un assistant maternel", bomessages.Form{To: components.MessageToOne, Search: "dupont"},
			bomessages.FormView{Searched: true, Found: found}),
		form("recherche-trop", "Recherche de plus de 20 résultats", bomessages.Form{To: components.MessageToOne, Search: "martin"},
			bomessages.FormView{Searched: true, Found: manyFound(), TooMany: true}),
		form("recherche-vide", "Recherche sans résultat", bomessages.Form{To: components.MessageToOne, Search: "zzz"}, bomessages.FormView{Searched: true}),
		form("choisie", "Assistant maternel choisi (retour de l'aperçu)", typed, bomessages.FormView{Chosen: &found[0]}),
		form("erreurs", "ENVOYER avec des erreurs", wrong, bomessages.FormView{Errors: wrong.Validate()}),
		{Group: GroupBackOffice, Component: "BackOfficeMessagePreviewPage", Name: "personnel", Title: "Aperçu d'un message personnel",
			Render: components.BackOfficeMessagePreviewPage(bomessages.PreviewProps(typed, &found[0], at)), Path: components.BackOfficeMessagesNew, BackOffice: true},
		{Group: GroupBackOffice, Component: "BackOfficeMessagePreviewPage", Name: "general", Title: "Aperçu d'un message général",
			Render: components.BackOfficeMessagePreviewPage(bomessages.PreviewProps(bomessages.Form{To: components.MessageToAll, Sender: typed.Sender,
				Subject: "Fermeture des services le 24 décembre", Body: "Les services seront fermés."}, nil, at)), Path: components.BackOfficeMessagesNew, BackOffice: true},
	}
}

// manyFound is a full list of a search's results (20), when more matched.
func manyFound() []bomessages.Recipient {
	out := make([]bomessages.Recipient, 20)
	for i := range out {
		out[i] = bomessages.Recipient{ID: int64(10 + i), Login: strconv.Itoa(100100 + i), Nom: "MARTIN", Prenom: "Prénom " + strconv.Itoa(i+1), Commune: "Nice"}
	}
	return out
}
