package loadtest

import (
	"math/rand/v2"
	"net/url"
	"strconv"

	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// target is one kind of request the tool sends: a page or a fragment, as a
// childminder's browser asks for it.
type target struct {
	Name string
	// Ceiling is the ceiling its throughput is compared with: "static" for
	// what needs no database, "select1" for the rest.
	Ceiling string
	// Anonymous requests carry no cookie; Agent ones the agent's (see
	// Options.Agent), every worker the same.
	Anonymous, Agent bool
	Method           string
	HTMX             bool
	Status           int // the expected status: anything else is an error
	// Weight is its share of the mix (0: left out of the mix).
	Weight int
	// Path returns the request's path for a user ("" when she has nothing
	// to ask for: the request falls back to Fallback).
	Path func(u *User, r *rand.Rand) string
	// Form returns a POST's body.
	Form     func(u *User) string
	Fallback string
}

// searches are what childminders type in the messages' search box: words of
// the generated subjects and bodies (app/benchdata), with and without accents.
var searches = []string{"formation", "vaccination", "canicule", "assurance", "renouvellement", "meteo", "bronchiolite", "pajemploi"}

func fixed(p string) func(*User, *rand.Rand) string {
	return func(*User, *rand.Rand) string { return p }
}

// targets in the order of the report. Weights: a morning's visit opens the
// dashboard, reads messages and the children; forms are rarer.
func targets(staticPath string) []target {
	return []target{
		{Name: "static asset", Ceiling: "static", Anonymous: true, Method: "GET", Status: 200, Path: fixed(staticPath)},
		{Name: "login page (anonymous)", Ceiling: "static", Anonymous: true, Method: "GET", Status: 200, Weight: 5, Path: fixed(paths.Login)},
		{Name: "dashboard", Ceiling: "select1", Method: "GET", Status: 200, Weight: 20, Path: fixed(paths.Dashboard)},
		{Name: "messages list", Ceiling: "select1", Method: "GET", Status: 200, Weight: 15, Path: fixed(paths.Messages)},
		{Name: "messages search", Ceiling: "select1", Method: "GET", Status: 200, Weight: 5,
			Path: func(_ *User, r *rand.Rand) string {
				return paths.Messages + "?" + components.MessagesSearchName + "=" + url.QueryEscape(searches[r.IntN(len(searches))])
			}},
		{Name: "message view", Ceiling: "select1", Method: "GET", Status: 200, Weight: 15, Fallback: "messages list",
			Path: func(u *User, r *rand.Rand) string { return pickID(paths.Messages, u.Messages, r) }},
		{Name: "children list", Ceiling: "select1", Method: "GET", Status: 200, Weight: 15, Path: fixed(paths.Children)},
		{Name: "child view", Ceiling: "select1", Method: "GET", Status: 200, Weight: 10, Fallback: "children list",
			Path: func(u *User, r *rand.Rand) string { return pickID(paths.Children, u.Children, r) }},
		{Name: "child form, validation error (POST)", Ceiling: "select1", Method: "POST", Status: 422, Weight: 5,
			Path: fixed(paths.Children + "/nouveau"), Form: func(u *User) string { return childForm(u, components.ActionValidate) }},
		{Name: "add-row fragment (htmx POST)", Ceiling: "select1", Method: "POST", HTMX: true, Status: 200, Weight: 5,
			Path: fixed(paths.Children + "/nouveau"), Form: func(u *User) string { return childForm(u, components.ActionAddPeriod) }},
		// The agents' side: a few agents, never part of the childminders' mix.
		{Name: "back office: childminder search", Ceiling: "select1", Agent: true, Method: "GET", Status: 200,
			Path: func(_ *User, r *rand.Rand) string {
				return paths.BackOfficeAssmats + "?" + components.BoAssmatsSearchName + "=" + url.QueryEscape(agentSearches[r.IntN(len(agentSearches))])
			}},
	}
}

// agentSearches are what agents type in the childminders' search: names,
// a commune, an identifier's start (app/benchdata's).
var agentSearches = []string{"martin", "dubois", "lefebvre", "garcia", "antibes", "grasse", "B00012", "B01234"}

func pickID(prefix string, ids []int64, r *rand.Rand) string {
	if len(ids) == 0 {
		return ""
	}
	return prefix + "/" + strconv.FormatInt(ids[r.IntN(len(ids))], 10)
}

func childForm(u *User, action string) string { return ChildForm(u.CSRF, action) }

// ChildForm is the new-child form as a childminder posts it, with her form
// token: the first guardian and the address typed, the child's name not yet
// (so that VALIDER answers the form with its messages, and nothing is
// saved). The resilience tests' soak posts it too.
func ChildForm(csrf, action string) string {
	v := url.Values{}
	for _, kv := range [][2]string{
		{"prenom", "Lou"}, {"date-naissance", "12/03/2025"},
		{"g1-civilite", "Madame"}, {"g1-nom", "MARTIN"}, {"g1-prenom", "Claire"}, {"g1-email", "claire.martin@example.com"},
		{"g1-telephone", "06 12 34 56 78"}, {"adresse", "4 rue de la Paix"}, {"code-postal", "06000"}, {"commune", "Nice"},
		{"periode-0-type", "standard"}, {"periode-0-debut", "01/12/2026"},
		{components.ActionName, action}, {"_csrf", csrf},
	} {
		v.Set(kv[0], kv[1])
	}
	return v.Encode()
}
