package agrement

import (
	"strings"
	"time"

	"github.com/departement06/extranet-assmat/components"
)

// ReminderMonths is how long before its end an agrément shows the renewal
// reminder: the renewal takes months of instruction, and the département
// must have the request well before the end.
const ReminderMonths = 6

// Props builds the page's view model: dates in French, the place of practice
// in words, the exemptions one a line, the reminder or the expiry notice as
// of today. The gallery builds its states with it.
func Props(list []Agrement, today time.Time) components.AgrementProps {
	p := components.AgrementProps{Agrements: make([]components.AgrementView, 0, len(list))}
	for _, a := range list {
		p.Agrements = append(p.Agrements, view(a, today))
	}
	return p
}

func view(a Agrement, today time.Time) components.AgrementView {
	v := components.AgrementView{
		Numero: a.Numero, Statut: a.Statut,
		FirstGrant: date(a.FirstGrant), ValidFrom: date(a.ValidFrom), ValidUntil: date(a.ValidUntil),
		Capacity: a.Capacity, Under3: a.Under3, Over3: a.Over3,
		Place:   "À son domicile",
		Address: strings.TrimSpace(strings.Join(nonEmpty(a.Street, strings.TrimSpace(a.Postcode+" "+a.Town)), ", ")),
	}
	if a.AtMAM {
		v.Place, v.MamName = "En maison d'assistants maternels (MAM)", a.MamName
	}
	for _, line := range strings.Split(a.Derogations, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			v.Derogations = append(v.Derogations, line)
		}
	}
	switch {
	case Expired(a, today):
		v.Expired = "cet agrément a pris fin le " + components.Date(*a.ValidUntil) +
			". Pour continuer à accueillir des enfants, contactez le service des modes d'accueil de la petite enfance."
	case EndsSoon(a, today):
		v.Reminder = "cet agrément prend fin le " + components.Date(*a.ValidUntil) +
			". Pensez à demander son renouvellement auprès du service des modes d'accueil de la petite enfance."
	}
	return v
}

// Expired: the agrément's last day of validity is before today.
func Expired(a Agrement, today time.Time) bool {
	return a.ValidUntil != nil && a.ValidUntil.Before(today)
}

// EndsSoon: the agrément is still valid today and its last day falls within
// ReminderMonths from today.
func EndsSoon(a Agrement, today time.Time) bool {
	return a.ValidUntil != nil && !a.ValidUntil.Before(today) &&
		a.ValidUntil.Before(today.AddDate(0, ReminderMonths, 0))
}

func date(t *time.Time) string {
	if t == nil {
		return ""
	}
	return components.Date(*t)
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}
