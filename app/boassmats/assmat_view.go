package boassmats

import (
	"strconv"
	"strings"
	"time"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/paris"
	"github.com/departement06/extranet-assmat/components"
)

// MaxMessages and MaxChildren bound what her page lists.
const (
	MaxMessages = 10
	MaxChildren = 200
)

// AssmatView is everything her page shows, as read (one batch).
type AssmatView struct {
	Assmat    db.BoGetAssmatRow
	Agrements []db.BoAssmatAgrementsRow
	Children  []db.BoAssmatChildrenRow
	Messages  []db.BoAssmatMessagesRow
	// LockedUntil is when her sign-in may be tried again (zero: it may now).
	LockedUntil time.Time
	Now         time.Time
	Notice      string
}

// AssmatProps builds her page's view model. The gallery builds its states with it.
func AssmatProps(v AssmatView) components.BoAssmatProps {
	a := v.Assmat
	st := accountState(a.HasPassword, a.MustChangePassword)
	p := components.BoAssmatProps{
		Login: a.Login, Name: fullName(a.Civilite, a.Prenom, a.Nom), Notice: v.Notice,
		Account: components.BoAccountView{
			State: st.label, Explanation: st.explanation, Locked: lockedText(v.LockedUntil, v.Now),
			GiveLabel: "Donner l'accès", GiveURL: components.BoAssmatPath(a.Login, components.BoAssmatAccess),
		},
	}
	if a.HasPassword {
		p.Account.GiveLabel = "Renouveler l'accès"
		p.Account.IdentifierOnlyURL = components.BoAssmatPath(a.Login, components.BoAssmatIdentifierOnly)
	}
	if p.Account.Locked != "" {
		p.Account.UnlockURL = components.BoAssmatPath(a.Login, components.BoAssmatUnlock)
	}
	email := "Non renseignée"
	if a.Email != nil && *a.Email != "" {
		email = *a.Email
	}
	p.Identity = []components.BoFact{
		{Label: "Identifiant", Value: a.Login},
		{Label: "Civilité", Value: orNone(a.Civilite, "Non renseignée")},
		{Label: "Nom", Value: a.Nom},
		{Label: "Prénom", Value: a.Prenom},
		{Label: "Date de naissance", Value: components.Date(a.DateNaissance)},
		{Label: "Situation familiale", Value: orNone(a.SituationFamiliale, "Non renseignée")},
		{Label: "Adresse", Value: orNone(strings.TrimSpace(a.Adresse+", "+a.CodePostal+" "+a.Commune), "Non renseignée")},
		{Label: "Adresse email", Value: email},
	}
	for _, g := range v.Agrements {
		p.Agrements = append(p.Agrements, agrementView(g))
	}
	for _, c := range v.Children {
		k := childView(c)
		if c.IsCurrent {
			p.Current = append(p.Current, k)
		} else {
			p.History = append(p.History, k)
		}
	}
	for _, m := range v.Messages {
		p.Messages = append(p.Messages, messageView(m))
	}
	p.MessagesNote = plural(len(v.Messages), "message, le plus récent", "messages, les plus récents d'abord")
	if len(v.Messages) == MaxMessages {
		p.MessagesNote = "Les " + strconv.Itoa(MaxMessages) + " messages les plus récents"
	}
	return p
}

// fullName is "Madame Gertrude ASSMAT".
func fullName(civilite, prenom, nom string) string {
	return strings.TrimSpace(civilite + " " + prenom + " " + nom)
}

func agrementView(g db.BoAssmatAgrementsRow) components.BoAgrement {
	validity := "Non renseignée"
	switch from, until := date(g.DateDebutValidite), date(g.DateFinValidite); {
	case from != "" && until != "":
		validity = "du " + from + " au " + until
	case from != "":
		validity = "depuis le " + from
	case until != "":
		validity = "jusqu'au " + until
	}
	place := "À domicile"
	if g.LieuExercice == "mam" {
		place = "En maison d'assistants maternels (MAM) : " + orNone(g.MamNom, "nom non renseigné")
	}
	address := strings.TrimSpace(strings.TrimSpace(g.LieuAdresse+", "+g.LieuCodePostal) + " " + g.LieuCommune)
	return components.BoAgrement{Numero: g.Numero, Facts: []components.BoFact{
		{Label: "Statut", Value: orNone(g.Statut, "Non renseigné")},
		{Label: "Validité", Value: validity},
		{Label: "Capacité", Value: strconv.Itoa(int(g.CapaciteTotale)) + " enfant(s) simultanément, dont " +
			strconv.Itoa(int(g.CapaciteMoins3Ans)) + " de moins de 3 ans et " + strconv.Itoa(int(g.CapacitePlus3Ans)) + " de plus de 3 ans"},
		{Label: "Lieu d'exercice", Value: place},
		{Label: "Adresse du lieu", Value: orNone(strings.Trim(address, ", "), "Non renseignée")},
		{Label: "Dérogations", Value: orNone(g.Derogations, "Aucune")},
	}}
}

func childView(c db.BoAssmatChildrenRow) components.BoChild {
	end := "sans date de fin"
	if !c.OpenEnded {
		end = "au " + components.Date(c.LastEnd)
	}
	return components.BoChild{
		Name: c.Prenom + " " + c.Nom, Birth: components.Date(c.DateNaissance),
		Start: components.Date(c.FirstStart), End: end,
		Declared: components.Date(c.DeclaredAt.In(paris.Location)), Late: c.DeclaredLate,
	}
}

func messageView(m db.BoAssmatMessagesRow) components.BoMessage {
	kind := "Général"
	if m.Personal {
		kind = "Personnel"
	}
	read := "Non lu"
	if m.ReadAt != nil {
		read = "Lu le " + dateTime(*m.ReadAt)
	}
	return components.BoMessage{Date: dateTime(m.CreatedAt), Kind: kind, Subject: m.Subject, Sender: m.SenderService,
		Read: read, Unread: m.ReadAt == nil, Archived: m.Archived}
}

// dateTime is a moment as "21/10/2024 à 15:31", Paris time.
func dateTime(t time.Time) string { return t.In(paris.Location).Format("02/01/2006 à 15:04") }
