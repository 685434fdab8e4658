package bomessages

import (
	"strconv"
	"time"

	"github.com/departement06/extranet-assmat/app/messages"
	"github.com/departement06/extranet-assmat/components"
)

// Recipient is a childminder as the form offers her.
type Recipient struct {
	ID                          int64
	Login, Nom, Prenom, Commune string
}

// Name is "Gertrude ASSMAT", as her messages call her.
func (r Recipient) Name() string { return r.Prenom + " " + r.Nom }

// Label is how the form lists her: name, identifier and commune.
func (r Recipient) Label() string {
	s := r.Prenom + " " + r.Nom + " (" + r.Login + ")"
	if r.Commune != "" {
		s += ", " + r.Commune
	}
	return s
}

// FormView is what the form shows besides what was typed.
type FormView struct {
	Errors components.Errors
	// Searched: a search ran; Found is what it found.
	Searched bool
	Found    []Recipient
	// TooMany: more than the listed ones matched.
	TooMany bool
	// Chosen is the childminder the form names (RecipientID), when known.
	Chosen *Recipient
}

// FormProps is the view model of "Écrire un message": a pure function of
// the typed form, which the gallery calls too.
func FormProps(f Form, v FormView) components.BackOfficeMessageFormProps {
	radio := func(value, label string) components.BackOfficeChoice {
		return components.BackOfficeChoice{ID: fields.To.InputID() + "-" + value, Name: fields.To.Name, Value: value,
			Label: label, Checked: f.To == value}
	}
	p := components.BackOfficeMessageFormProps{
		Errors:      v.Errors,
		To:          components.BackOfficeChoice{ID: fields.To.InputID(), Label: fields.To.Label},
		ToAll:       radio(components.MessageToAll, "Tous les assistants maternels (message général)"),
		ToOne:       radio(components.MessageToOne, "Un assistant maternel (message personnel, notifié par courriel)"),
		Search:      fields.Search.Field(f.Search, v.Errors.For(fields.Search.InputID())),
		Searched:    v.Searched,
		TooMany:     v.TooMany,
		ChoiceLabel: fields.Recipient.Label,
		Sender:      fields.Sender.Field(f.Sender, v.Errors.For(fields.Sender.InputID())),
		Subject:     fields.Subject.Field(f.Subject, v.Errors.For(fields.Subject.InputID())),
		Body:        fields.Body.Field(f.Body, v.Errors.For(fields.Body.InputID())),
	}
	// The first radio holds the group's error target (the summary's link).
	p.ToAll.ID = fields.To.InputID()
	for _, r := range v.Found {
		p.Choices = append(p.Choices, components.BackOfficeChoice{
			ID: fields.Recipient.InputID() + "-" + strconv.FormatInt(r.ID, 10), Name: fields.Recipient.Name,
			Value: strconv.FormatInt(r.ID, 10), Label: r.Label(), Checked: r.ID == f.RecipientID,
		})
	}
	if len(p.Choices) > 0 {
		// The summary's link lands on the first result.
		p.Choices[0].ID = fields.Recipient.InputID()
	}
	if v.Chosen != nil {
		p.Chosen = &components.BackOfficeChoice{Name: fields.Recipient.Name, Value: strconv.FormatInt(v.Chosen.ID, 10), Label: v.Chosen.Label()}
	}
	return p
}

// PreviewProps is the message as its recipient will see it: app/messages'
// own view builder (MessageView), on the message as it will be stored.
func PreviewProps(f Form, to *Recipient, at time.Time) components.BackOfficeMessagePreviewProps {
	m := messages.Message{CreatedAt: at, Sender: f.Sender, Subject: f.Subject, Body: f.Body, Personal: to != nil}
	own, said := "", "chaque assistant maternel"
	if to != nil {
		own, said = to.Name(), to.Name()+" ("+to.Login+")"
	}
	return components.BackOfficeMessagePreviewProps{
		RecipientSaid: said,
		Message:       messages.MessageView(m, own, messages.DefaultQuery()),
		Hidden:        f.Hidden(),
	}
}

// SentMessage is one row of the sent messages' list.
type SentMessage struct {
	CreatedAt                     time.Time
	Sender, Subject               string
	Personal                      bool
	RecipientName, RecipientLogin string
	ReadCount, ActiveCount        int64
}

// ListProps is the view model of a page of sent messages.
func ListProps(rows []SentMessage, total int64, page int, notice string) components.BackOfficeMessagesProps {
	pages := max(1, int((total+PageSize-1)/PageSize))
	p := components.BackOfficeMessagesProps{Notice: notice, Page: page, Pages: pages}
	switch total {
	case 0:
		p.Summary = "Aucun message envoyé."
	case 1:
		p.Summary = "1 message envoyé."
	default:
		p.Summary = strconv.FormatInt(total, 10) + " messages envoyés, du plus récent au plus ancien."
	}
	if page > 1 {
		p.PrevURL = components.BackOfficeMessagesPageURL(page - 1)
	}
	if page < pages {
		p.NextURL = components.BackOfficeMessagesPageURL(page + 1)
	}
	for _, r := range rows {
		row := components.BackOfficeSentMessage{Date: components.DateTime(r.CreatedAt), Sender: r.Sender, Subject: r.Subject}
		if r.Personal {
			row.Recipient = r.RecipientName + " (" + r.RecipientLogin + ")"
			row.Reads, row.ReadsSaid = "Non lu", "Non lu"
			if r.ReadCount > 0 {
				row.Reads, row.ReadsSaid = "Lu", "Lu"
			}
		} else {
			row.Recipient = components.GeneralRecipient
			row.Reads = strconv.FormatInt(r.ReadCount, 10) + " / " + strconv.FormatInt(r.ActiveCount, 10)
			row.ReadsSaid = "Lu par " + strconv.FormatInt(r.ReadCount, 10) + " sur " + strconv.FormatInt(r.ActiveCount, 10) + " assistants maternels actifs"
		}
		p.Rows = append(p.Rows, row)
	}
	return p
}
