package boassmats

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/departement06/extranet-assmat/app/form"
	"github.com/departement06/extranet-assmat/app/paris"
	"github.com/departement06/extranet-assmat/components"
)

// Found is one childminder a search found (the shape of both search queries).
type Found struct {
	Login, Civilite, Nom, Prenom, CodePostal, Commune string
	HasPassword, MustChangePassword                   bool
	// Total is how many childminders the whole search found.
	Total int64
}

// SearchView is what the search page shows: the query, its field's error,
// and once searched, one page of what was found.
type SearchView struct {
	Query      SearchQuery
	FieldError string
	Searched   bool
	Found      []Found
	// TooMany: more than MaxResults match; none is listed.
	TooMany bool
}

// SearchProps builds the search page's view model from the table of its
// fields. The gallery builds its states with it.
func SearchProps(v SearchView) components.BoAssmatsSearchProps {
	p := components.BoAssmatsSearchProps{Search: searchFields.Query.Field(v.Query.Text, v.FieldError)}
	r := &p.Results
	q := v.Query.Text
	switch {
	case v.FieldError != "":
		r.Message = "La recherche n'a pas pu être faite : " + v.FieldError
	case !v.Searched:
		r.Message = "Recherchez un assistant maternel par son nom, son prénom, son identifiant ou sa commune."
	case v.TooMany:
		r.Message = "Plus de " + strconv.Itoa(MaxResults) + " assistants maternels correspondent à « " + q +
			" » : précisez la recherche (nom et prénom, identifiant ou commune)."
	case len(v.Found) == 0 && v.Query.Short():
		r.Message = "Aucun assistant maternel n'a l'identifiant « " + q + " ». Pour chercher un nom ou une commune, " +
			"saisissez " + form.IndexableRule + "."
	case len(v.Found) == 0:
		r.Message = "Aucun assistant maternel ne correspond à « " + q + " »."
	default:
		total := int(v.Found[0].Total)
		pages := (total + PageSize - 1) / PageSize
		r.Summary = plural(total, "assistant maternel trouvé", "assistants maternels trouvés") + " pour « " + q + " »"
		if pages > 1 {
			r.Summary += fmt.Sprintf(", page %d sur %d", v.Query.Page, pages)
		}
		for _, f := range v.Found {
			r.Rows = append(r.Rows, components.BoAssmatRow{
				Login: f.Login, Name: f.Nom + " " + f.Prenom, Commune: strings.TrimSpace(f.CodePostal + " " + f.Commune),
				Account: accountState(f.HasPassword, f.MustChangePassword).label, URL: components.BoAssmatPath(f.Login),
			})
		}
		r.Pages = pageLinks(v.Query, pages)
	}
	return p
}

// searchTitle is the page's title: it names the search, so that the
// browser's history tells the result pages apart.
func searchTitle(v SearchView) string {
	t := "Assistants maternels"
	if v.Query.Text != "" {
		t = "Recherche « " + v.Query.Text + " » – " + t
	}
	if v.FieldError != "" {
		t = "Erreur – " + t
	}
	return t
}

// pageLinks are the first and last pages and those around the current one.
func pageLinks(q SearchQuery, pages int) []components.BoPageLink {
	var out []components.BoPageLink
	for _, n := range components.PageWindow(q.Page, pages) {
		if n == 0 {
			continue // at most 10 pages (MaxResults): the gaps are short
		}
		at := q
		at.Page = n
		out = append(out, components.BoPageLink{Label: strconv.Itoa(n), Hidden: "Page ", URL: at.URL(), Current: n == q.Page})
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// state is an account's state, in the agent's words.
type state struct{ label, explanation string }

// The states of an account (SPEC §2).
var (
	stateActive = state{"Actif",
		"Elle se connecte avec son identifiant et le mot de passe qu'elle a choisi."}
	stateTemporary = state{"Mot de passe temporaire non encore changé",
		"Elle a reçu un courrier avec un mot de passe temporaire et ne l'a pas encore remplacé : à sa première connexion, elle devra choisir son mot de passe."}
	stateIdentifierOnly = state{"Identifiant seul",
		"Elle n'a pas de mot de passe : elle le définit par « Première connexion ou mot de passe oublié ? », avec un lien reçu par email."}
)

func accountState(hasPassword, mustChange bool) state {
	switch {
	case !hasPassword:
		return stateIdentifierOnly
	case mustChange:
		return stateTemporary
	}
	return stateActive
}

// lockedText says until when her sign-in is suspended, Paris time.
func lockedText(until, now time.Time) string {
	if until.IsZero() || !until.After(now) {
		return ""
	}
	at := until.In(paris.Location)
	return "trop de tentatives infructueuses ; les connexions sont suspendues jusqu'au " + at.Format("02/01/2006") +
		" à " + at.Format("15h04") + " (heure de Paris)."
}

// frenchMonths are the months' names, for the letter's date.
var frenchMonths = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre"}

// longDate is "30 novembre 2026" (Paris time).
func longDate(t time.Time) string {
	t = t.In(paris.Location)
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return day + " " + frenchMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// date is a day as jj/mm/aaaa ("" for none).
func date(t *time.Time) string {
	if t == nil {
		return ""
	}
	return components.Date(*t)
}

// orNone says "Non renseigné(e)" for an empty value.
func orNone(s, none string) string {
	if strings.TrimSpace(s) == "" {
		return none
	}
	return s
}
