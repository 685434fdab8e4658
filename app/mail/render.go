// Package mail builds the extranet's emails (hermes: HTML and plain text, in
// French) and sends them from a PostgreSQL-backed job queue (River) over SMTP,
// or keeps them in the development mailbox when no SMTP server is configured.
// An email never carries a password, a personal message's content or an
// attachment: only a notice and, at most, one link.
package mail

import (
	"strings"

	"github.com/matcornic/hermes/v2"
)

// Message is one email ready to send.
type Message struct {
	To      string `json:"to"`
	Subject string `json:"subject"`
	HTML    string `json:"html"`
	Text    string `json:"text"`
}

// Content is what a feature says in an email.
type Content struct {
	// Name greets the person ("Bonjour Gertrude ASSMAT,"); empty: "Bonjour,".
	Name   string
	Intros []string
	// Action is the one button of the email, if any.
	Action *Action
	Outros []string
}

// Action is a button and the link it opens.
type Action struct {
	Instructions string
	Button       string
	Link         string
}

// Renderer formats emails with the département's identity.
type Renderer struct {
	h hermes.Hermes
}

// NewRenderer returns a renderer whose links point to baseURL.
func NewRenderer(baseURL string) *Renderer {
	return &Renderer{h: hermes.Hermes{
		Theme: new(hermes.Default),
		Product: hermes.Product{
			Name:        "Département des Alpes-Maritimes – Assistants Maternels",
			Link:        baseURL + "/",
			Copyright:   "Département des Alpes-Maritimes – service des modes d'accueil de la petite enfance. Ce courriel est envoyé automatiquement, merci de ne pas y répondre.",
			TroubleText: "Si le bouton « {ACTION} » ne fonctionne pas, copiez l'adresse ci-dessous dans votre navigateur.",
		},
	}}
}

// Render builds the HTML and plain-text versions of an email.
func (r *Renderer) Render(to, subject string, c Content) (Message, error) {
	body := hermes.Body{
		Greeting:  "Bonjour",
		Signature: "Cordialement",
		Intros:    c.Intros,
		Outros:    c.Outros,
	}
	if c.Name != "" {
		body.Name = c.Name
	} else {
		body.Title = "Bonjour,"
	}
	if c.Action != nil {
		body.Actions = []hermes.Action{{
			Instructions: c.Action.Instructions,
			Button:       hermes.Button{Text: c.Action.Button, Link: c.Action.Link, Color: "#0b4f8a"},
		}}
	}
	email := hermes.Email{Body: body}
	// A copy per email: hermes fills in its defaults by writing into the
	// value it runs on, and two emails rendered at once raced on a shared one.
	h := r.h
	html, err := h.GenerateHTML(email)
	if err != nil {
		return Message{}, err
	}
	text, err := h.GeneratePlainText(email)
	if err != nil {
		return Message{}, err
	}
	// hermes's template has no language: screen readers would read French as English.
	html = strings.Replace(html, "<html ", `<html lang="fr" `, 1)
	return Message{To: to, Subject: subject, HTML: html, Text: text}, nil
}
