// Package gallery is the designers' workshop: every component of package
// components in named states, each a Go value (State) in a registry (States),
// rendered by the real component with real props inside the real layout. The
// development server shows it at /dev/composants (app/devgallery); its tests
// fail when an exported component has no state, or a state does not render.
//
// A state is data: sample props written here, next to the components, with
// no database and no handler. To add one, append a State to the slice of its
// group (states_*.go).
package gallery

import (
	"context"
	"regexp"
	"slices"

	"github.com/a-h/templ"

	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// Group is a heading of the gallery's index; Groups gives their order.
type Group string

// The groups, in the order of the index.
const (
	GroupLayout   Group = "Mise en page et menu"
	GroupPalette  Group = "Couleurs et contrastes"
	GroupFields   Group = "Champs et messages"
	GroupLogin    Group = "Connexion et mot de passe"
	GroupAccount  Group = "Tableau de bord et Mon compte"
	GroupChildren Group = "Enfants accueillis"
	GroupMessages Group = "Messages"
	GroupAgrement Group = "Mon agrément et Documents utiles"
	// GroupBackOffice: the département's agents' back office, in its own layout.
	GroupBackOffice Group = "Back office"
	GroupErrors     Group = "Pages d'erreur"
	GroupOther      Group = "Autres pages"
)

// Groups are the index's headings, in order.
var Groups = []Group{GroupLayout, GroupPalette, GroupFields, GroupLogin, GroupAccount, GroupChildren, GroupMessages, GroupAgrement,
	GroupBackOffice, GroupErrors, GroupOther}

// Visitor is who the layout shows as signed in: the menu depends on it.
type Visitor int

const (
	// SignedIn is a childminder with a password of her own: the full menu (the default).
	SignedIn Visitor = iota
	// Temporary signed in with a temporary password: the menu offers only Déconnexion.
	Temporary
	// Anonymous has not signed in: no menu (login and link pages).
	Anonymous
)

// State is one named state of one component.
type State struct {
	Group Group
	// Component is the exported function of package components that Render
	// calls, e.g. "LoginPage" (the coverage test matches it to the source).
	Component string
	// Name is the state's part of the URL: lower-case letters, digits, hyphens.
	Name string
	// Title says the state in French, for the index and the page title.
	Title string
	// Render is the component called with the state's props.
	Render templ.Component
	// Visitor decides the menu; Path is the page the state stands for (it
	// marks the menu's current entry).
	Visitor Visitor
	Path    string
	// Fragment: what htmx swaps into a page, shown alone inside the layout.
	Fragment bool
	// HTMX, when set, is what an htmx request for the state gets (bare, as
	// the app answers it): a dialog, which Render's button asks for.
	HTMX templ.Component
	// BackOffice: a page of the agents' back office, shown in its layout
	// (with SampleAgent's menu unless the visitor is Anonymous).
	BackOffice bool
}

// URL is the state's page in the gallery.
func (s State) URL() string { return paths.Gallery + "/" + s.Component + "/" + s.Name }

// States is the registry: every state of every group, in the index's order.
func States() []State {
	return slices.Concat(layoutStates(), paletteStates(), fieldStates(), loginStates(), accountStates(), dashboardStates(),
		childrenStates(), messagesStates(), agrementStates(), backOfficeStates(), boAssmatsStates(),
		boMessagesStates(), boDocumentsStates(), boAuditStates(), boExportStates(), boImportStates(), errorStates(), otherStates())
}

// Find is the state of that component and name.
func Find(component, name string) (State, bool) {
	for _, s := range States() {
		if s.Component == component && s.Name == name {
			return s, true
		}
	}
	return State{}, false
}

// NamePattern is what a state's Name may hold (it is a URL segment).
var NamePattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// SampleUser is the childminder the menu shows in the gallery, with two
// unread messages ("MESSAGES (2)").
var SampleUser = components.User{MenuLabel: "GERTRUDE ASSMAT-DE LA TOUR (ASSISTANT MATERNEL)", UnreadMessages: 2}

// Context is the request context a state renders with: the visitor of the
// state, the page it stands for and the request's CSRF token (forms of the
// gallery post to the real routes).
func Context(ctx context.Context, s State, csrfToken string) context.Context {
	r := components.Request{CSRFToken: csrfToken, Path: s.Path}
	switch s.Visitor {
	case SignedIn:
		u := SampleUser
		r.User = &u
	case Temporary:
		u := SampleUser
		u.Restricted = true
		r.User = &u
	}
	return components.WithRequest(ctx, r)
}

// SampleAgent is the agent the back office's menu shows in the gallery.
var SampleAgent = components.BackOfficeAgent{MenuLabel: "MARIE-CHRISTINE DUPONT-LEFÈVRE (AGENT)"}

// Page is the state inside the real layout (the back office's for its
// states), under the gallery's trail.
func Page(s State) templ.Component {
	title := s.Component + " : " + s.Title + " – Galerie"
	if s.BackOffice {
		var agent *components.BackOfficeAgent
		if s.Visitor != Anonymous {
			a := SampleAgent
			agent = &a
		}
		return components.BackOfficeLayout(title, agent, statePage(s))
	}
	return components.Layout(title, statePage(s))
}

// Index is the gallery's index inside the real layout.
func Index() templ.Component {
	return components.Layout("Galerie des composants", indexPage(byGroup(States())))
}

// section is one group of the index.
type section struct {
	Group  Group
	States []State
}

func byGroup(states []State) []section {
	var out []section
	for _, g := range Groups {
		sec := section{Group: g}
		for _, s := range states {
			if s.Group == g {
				sec.States = append(sec.States, s)
			}
		}
		if len(sec.States) > 0 {
			out = append(out, sec)
		}
	}
	return out
}
