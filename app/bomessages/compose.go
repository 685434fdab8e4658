package bomessages

import (
	"errors"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"

	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// maxFound bounds a search's results: the agent narrows her search rather
// than scrolls through thousands of radios. Past it the form says so.
const maxFound = 20

// maxMatches bounds what a search reads before sorting (BOSearchRecipients):
// past maxFound the form asks to refine, whichever 20 it lists.
const maxMatches = 200

// titleForm is the form's title.
const titleForm = "Écrire un message"

// New shows the empty form.
func (h *Handlers) New(c *fiber.Ctx) error {
	return renderForm(c, Form{}, FormView{}, fiber.StatusOK)
}

// Submit takes a step of writing a message: search a childminder, preview,
// back to editing, or send. Only "Envoyer" writes anything.
func (h *Handlers) Submit(c *fiber.Ctx) error {
	f := ParseForm(c)
	switch form.Value(c, components.ActionName) {
	case components.MessageActionSearch:
		return h.search(c, f)
	case components.MessageActionEdit:
		return h.edit(c, f)
	case components.MessageActionSend:
		return h.send(c, f)
	default:
		return h.preview(c, f)
	}
}

// search lists the childminders whose name, identifier or commune holds
// the typed text (insensitive to case and accents, on the trigram index).
func (h *Handlers) search(c *fiber.Ctx, f Form) error {
	// Searched only once the query ran: a refused search must not also
	// say that nobody matched.
	v := FormView{}
	if msg := fields.Search.Check(f.Search); msg != "" {
		v.Errors.Add(fields.Search.InputID(), msg)
		return renderForm(c, f, v, fiber.StatusUnprocessableEntity)
	}
	if f.Search == "" {
		v.Errors.Add(fields.Search.InputID(), "Veuillez saisir un nom, un identifiant ou une commune à rechercher.")
		return renderForm(c, f, v, fiber.StatusUnprocessableEntity)
	}
	if !form.Indexable(f.Search) {
		// Without a trigram the index would be read whole, then every
		// childminder of the country checked.
		v.Errors.Add(fields.Search.InputID(), msgSearchTooShort)
		return renderForm(c, f, v, fiber.StatusUnprocessableEntity)
	}
	rows, err := h.q.BOSearchRecipients(c.UserContext(), db.BOSearchRecipientsParams{Pattern: f.Search, MaxMatches: maxMatches, MaxRows: maxFound + 1})
	if err != nil {
		return err
	}
	v.Searched = true
	if len(rows) > maxFound {
		rows, v.TooMany = rows[:maxFound], true
	}
	for _, r := range rows {
		v.Found = append(v.Found, Recipient{ID: r.ID, Login: r.Login, Nom: r.Nom, Prenom: r.Prenom, Commune: r.Commune})
	}
	if len(v.Found) == 1 {
		// One match: she is the one, chosen already.
		f.To, f.RecipientID = components.MessageToOne, v.Found[0].ID
	}
	return renderForm(c, f, v, fiber.StatusOK)
}

// edit goes back from the preview to the form, as typed.
func (h *Handlers) edit(c *fiber.Ctx, f Form) error {
	v := FormView{}
	if f.Personal() && f.RecipientID != 0 {
		r, err := h.recipient(c, f.RecipientID)
		if err != nil {
			return err
		}
		v.Chosen = r
	}
	return renderForm(c, f, v, fiber.StatusOK)
}

// preview checks the form and shows the message as its recipient will see it.
func (h *Handlers) preview(c *fiber.Ctx, f Form) error {
	to, v, err := h.check(c, f)
	if err != nil || len(v.Errors) > 0 {
		if err != nil {
			return err
		}
		return renderForm(c, f, v, fiber.StatusUnprocessableEntity)
	}
	p := PreviewProps(f, to, h.Now())
	return backoffice.Render(c, httpx.View{Title: "Aperçu du message", Page: components.BackOfficeMessagePreviewPage(p)})
}

// check validates the form and finds its recipient (nil: a general message).
func (h *Handlers) check(c *fiber.Ctx, f Form) (*Recipient, FormView, error) {
	v := FormView{Errors: f.Validate()}
	if !f.Personal() || f.RecipientID == 0 {
		return nil, v, nil
	}
	r, err := h.recipient(c, f.RecipientID)
	if err != nil {
		return nil, v, err
	}
	if r == nil {
		v.Errors.Add(fields.Search.InputID(), msgUnknownRecipient)
	}
	v.Chosen = r
	return r, v, nil
}

// recipient is the childminder of that id, nil when there is none.
func (h *Handlers) recipient(c *fiber.Ctx, id int64) (*Recipient, error) {
	r, err := h.q.BOGetRecipient(c.UserContext(), id)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &Recipient{ID: r.ID, Login: r.Login, Nom: r.Nom, Prenom: r.Prenom, Commune: r.Commune}, nil
}

func renderForm(c *fiber.Ctx, f Form, v FormView, status int) error {
	return backoffice.Render(c, httpx.View{Title: httpx.Title(titleForm, v.Errors),
		Page: components.BackOfficeMessageFormPage(FormProps(f, v)), Status: status})
}
