package gallery

import (
	"strconv"
	"time"

	"github.com/departement06/extranet-assmat/app/messages"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// messagesStates: the list (received, archived, sorted, searched, empty,
// paginated), its htmx region and row answer, and one message's page. Each
// is built by the real view builders (messages.ListProps, MessageView) from
// sample rows: no database.
func messagesStates() []State {
	st := func(component, name, title string, r State) State {
		r.Group, r.Component, r.Name, r.Title = GroupMessages, component, name, title
		if r.Path == "" {
			r.Path = paths.Messages
		}
		return r
	}
	owner := Childminder.FirstName + " " + Childminder.LastName
	at := func(day, hour int) time.Time { return time.Date(2024, 10, day, hour, 31, 0, 0, time.UTC) }
	sample := []messages.Summary{
		{ID: 1, CreatedAt: at(21, 13), Sender: "Service des modes d'accueil de la petite enfance",
			Subject: "attention regardez la météo pour les alertes orange ou rouges"},
		{ID: 2, CreatedAt: at(15, 9), Sender: "Service de PMI de Grasse", Personal: true, Read: true,
			Subject: "Visite de suivi de votre agrément"},
		{ID: 3, CreatedAt: at(2, 8), Sender: "Direction de l'enfance, de la famille et de la protection maternelle et infantile – pôle des modes d'accueil du jeune enfant",
			Subject: "Un objet très long : " + LongAddress + ", pour voir la colonne se replier sur plusieurs lignes", Personal: true},
	}
	list := func(q messages.ListQuery, rows []messages.Summary, total int, notice string) components.MessagesListProps {
		return messages.ListProps(messages.List{Query: q, Rows: rows, Total: total}, owner, notice)
	}
	received := messages.DefaultQuery()
	archived := received
	archived.Archived = true
	bySubject := received
	bySubject.Sort, bySubject.Desc = components.MessagesSortSubject, true
	search := received
	search.Search = "meteo"
	nothing := received
	nothing.Search = "introuvable"
	var page []messages.Summary
	for i := range messages.PageSize {
		page = append(page, messages.Summary{ID: int64(100 + i), CreatedAt: at(1+i, 10), Sender: "Service des modes d'accueil de la petite enfance",
			Subject: "Information n°" + strconv.Itoa(i+1), Read: i%3 != 0})
	}
	second := received
	second.Page = 2
	far := received
	far.Page = 120

	body := "Madame,\n\nUne puéricultrice de la PMI passera à votre domicile le mardi 24 septembre 2024 à 14 h.\n" +
		"Si ce créneau ne vous convient pas, appelez le 04 97 18 60 00.\n\n" +
		"Les consignes : https://www.departement06.fr/consignes-visite.\n\n<b>Ce texte n'est jamais lu comme du HTML.</b>"
	msg := messages.Message{ID: 2, CreatedAt: at(15, 9), Sender: "Service de PMI de Grasse", Subject: "Visite de suivi de votre agrément",
		Body: body, Personal: true}
	archivedMsg := messages.Message{ID: 1, CreatedAt: at(21, 13), Sender: sample[0].Sender, Subject: sample[0].Subject,
		Body: "En cas d'alerte météo orange ou rouge, suivez les consignes de la préfecture.", Archived: true}

	return []State{
		st("MessagesListPage", "recus", "Messages reçus, un non lu", State{Render: components.MessagesListPage(list(received, sample, 3, ""))}),
		st("MessagesListPage", "archives", "Messages archivés", State{Render: components.MessagesListPage(list(archived, sample[1:2], 1, ""))}),
		st("MessagesListPage", "tri-objet", "Triés par objet, de Z à A", State{Render: components.MessagesListPage(list(bySubject, sample, 3, ""))}),
		st("MessagesListPage", "recherche", "Recherche « meteo »", State{Render: components.MessagesListPage(list(search, sample[:1], 1, ""))}),
		st("MessagesListPage", "recherche-vide", "Recherche sans résultat", State{Render: components.MessagesListPage(list(nothing, nil, 0, ""))}),
		st("MessagesListPage", "vide", "Aucun message", State{Render: components.MessagesListPage(list(archived, nil, 0, ""))}),
		st("MessagesListPage", "pages", "Première page de 3", State{Render: components.MessagesListPage(list(received, page, 45, ""))}),
		st("MessagesListPage", "beaucoup-de-pages", "Page 120 de 250 : les pages lointaines résumées par « … »",
			State{Render: components.MessagesListPage(list(far, page, 250*messages.PageSize, ""))}),
		st("MessagesListPage", "archive", "Après « Archiver » sans JavaScript", State{Render: components.MessagesListPage(
			list(received, sample[1:], 2, messages.Notices()[messages.NoticeArchived]))}),
		st("MessagesRegion", "page-2", "Région échangée par htmx : page 2", State{Render: components.MessagesRegion(list(second, page[:5], 25, "")), Fragment: true}),
		st("MessagesRegionSwap", "recherche", "Réponse htmx : la région et son annonce", State{Render: components.MessagesRegionSwap(list(search, sample[:1], 1, "")), Fragment: true}),
		st("MessageRowRemoved", "archive", "Réponse htmx à « Archiver » (annonce)", State{Render: components.MessageRowRemoved("Message archivé.", messages.BoxTitle(false)), Fragment: true}),
		st("MessagePage", "personnel", "Message personnel avec un lien", State{Render: components.MessagePage(messages.MessageView(msg, owner, received))}),
		st("MessagePage", "archive", "Message général archivé", State{Render: components.MessagePage(messages.MessageView(archivedMsg, owner, archived))}),
		st("MessageContent", "personnel", "Faits et texte d'un message seuls (l'aperçu du back office les montre)",
			State{Fragment: true, Render: components.MessageContent(messages.MessageView(msg, owner, received))}),
	}
}
