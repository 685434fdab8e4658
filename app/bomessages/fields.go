package bomessages

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/components"
)

// Limits of a message's fields.
const (
	MaxSender  = 100
	MaxSubject = 150
	MaxBody    = 10000
	MaxSearch  = 100
)

// Messages of the form's own rules.
const (
	msgMissingTo        = "Veuillez choisir les destinataires du message."
	msgMissingRecipient = "Veuillez chercher et choisir l'assistant maternel à qui écrire."
	msgUnknownRecipient = "Cet assistant maternel n'existe plus : veuillez le chercher à nouveau."
)

// msgSearchTooShort refuses a search the trigram index cannot serve.
var msgSearchTooShort = "Veuillez saisir " + form.IndexableRule + " : un nom, un identifiant ou une commune."

// fields are the inputs of "Écrire un message", each defined once: name,
// id, label, limit and messages serve the parsing, the validation and the
// view model.
var fields = struct{ To, Recipient, Search, Sender, Subject, Body form.Spec }{
	To:        form.Spec{Name: "destinataires", ID: "message-destinataires", Label: "Destinataires", Required: true, Missing: msgMissingTo},
	Recipient: form.Spec{Name: "assmat", ID: "message-assmat", Label: "Assistant maternel destinataire", Missing: msgMissingRecipient},
	Search: form.Spec{Name: "recherche", ID: "message-recherche", Label: "Rechercher un assistant maternel", Chars: form.Name,
		Max: MaxSearch, Hint: "Nom, prénom, identifiant ou commune (" + form.IndexableRule + "), sans tenir compte des accents."},
	Sender: form.Spec{Name: "expediteur", ID: "message-expediteur", Label: "Service expéditeur", Required: true, Max: MaxSender,
		Hint: "Tel que l'assistant maternel le verra, par exemple « Service de PMI »."},
	Subject: form.Spec{Name: "objet", ID: "message-objet-saisi", Label: "Objet", Required: true, Max: MaxSubject},
	Body: form.Spec{Name: "texte", ID: "message-texte", Label: "Texte du message", Required: true, Max: MaxBody,
		Hint: "Texte simple : laissez une ligne vide entre deux paragraphes ; les adresses web (https://…) deviennent des liens."},
}

// Form is the message as typed.
type Form struct {
	To          string // components.MessageToAll or MessageToOne
	RecipientID int64  // the chosen childminder (personal message)
	Search      string
	Sender      string
	Subject     string
	Body        string
}

// Personal says whether the message goes to one childminder.
func (f Form) Personal() bool { return f.To == components.MessageToOne }

// ParseForm reads the posted form. The body keeps its lines (only its line
// ends are made \n and its end trimmed).
func ParseForm(c *fiber.Ctx) Form {
	f := Form{
		To: fields.To.Read(c), Search: fields.Search.Read(c),
		Sender: fields.Sender.Read(c), Subject: fields.Subject.Read(c),
		Body: body(form.Raw(c, fields.Body.Name)),
	}
	if f.To != components.MessageToAll && f.To != components.MessageToOne {
		f.To = ""
	}
	if id, err := strconv.ParseInt(fields.Recipient.Read(c), 10, 64); err == nil && id > 0 {
		f.RecipientID = id
		// Choosing a childminder among the results says "one childminder".
		if f.To == "" {
			f.To = components.MessageToOne
		}
	}
	return f
}

// body normalises a typed text: \n line ends, no trailing blank lines or spaces.
func body(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	return strings.TrimRight(strings.TrimLeft(s, "\n"), " \t\n")
}

// Validate is the form's errors, in the form's order. The body is checked
// line by line: line breaks are its own, any other control character is
// refused as in every field.
func (f Form) Validate() components.Errors {
	var e components.Errors
	e.Add(fields.To.InputID(), fields.To.Check(f.To))
	// The recipient's errors are the search's: it is where she is found.
	if f.Personal() && f.RecipientID == 0 {
		e.Add(fields.Search.InputID(), fields.Recipient.MissingMessage())
	}
	e.Add(fields.Sender.InputID(), fields.Sender.Check(f.Sender))
	e.Add(fields.Subject.InputID(), fields.Subject.Check(f.Subject))
	e.Add(fields.Body.InputID(), checkBody(f.Body))
	return e
}

func checkBody(b string) string {
	if strings.TrimSpace(b) == "" {
		return fields.Body.MissingMessage()
	}
	for _, line := range strings.Split(b, "\n") {
		if msg := form.Check(line, form.Text, 0); msg != "" {
			return msg
		}
	}
	return form.Check(strings.ReplaceAll(b, "\n", " "), form.Text, fields.Body.Max)
}

// Hidden is the form as hidden inputs: the preview carries it to "Envoyer"
// (or back to "Modifier"), nothing being saved before.
func (f Form) Hidden() []components.HiddenField {
	h := []components.HiddenField{
		{Name: fields.To.Name, Value: f.To},
		{Name: fields.Sender.Name, Value: f.Sender},
		{Name: fields.Subject.Name, Value: f.Subject},
		{Name: fields.Body.Name, Value: f.Body},
	}
	if f.Personal() {
		h = append(h, components.HiddenField{Name: fields.Recipient.Name, Value: strconv.FormatInt(f.RecipientID, 10)})
	}
	return h
}
