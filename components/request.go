// Package components holds the templ components of the extranet: the layout,
// the pages and their fragments, each with its own view-model (props) struct.
// It imports nothing of app/: any component renders with sample props.
package components

import (
	"context"
	"encoding/json"
)

// Request is what every component may know about the current request. It is
// the only data that travels in the context; everything else is a parameter.
type Request struct {
	// CSRFToken goes into every form (_csrf) and into htmx's headers.
	CSRFToken string
	// User is the signed-in childminder, nil for an anonymous visitor.
	User *User
	// Path is the current URL path, to mark the current menu entry.
	Path string
}

// User is the signed-in childminder as the layout shows her.
type User struct {
	// MenuLabel names the account menu, e.g. "GERTRUDE ASSMAT (ASSISTANT MATERNEL)".
	MenuLabel string
	// Restricted: she must first replace her temporary password, so the menu
	// offers only Déconnexion.
	Restricted bool
	// UnreadMessages is the number of her unread received messages, shown
	// in the menu: "MESSAGES (2)".
	UnreadMessages int
}

type requestKey struct{}

// WithRequest returns a context that carries the request information.
func WithRequest(ctx context.Context, r Request) context.Context {
	return context.WithValue(ctx, requestKey{}, r)
}

// RequestFrom returns the request information, empty when there is none.
func RequestFrom(ctx context.Context) Request {
	r, _ := ctx.Value(requestKey{}).(Request)
	return r
}

func csrfToken(ctx context.Context) string { return RequestFrom(ctx).CSRFToken }

// hxHeaders is the body's hx-headers: htmx sends the CSRF token with every request.
func hxHeaders(ctx context.Context) string {
	b, _ := json.Marshal(map[string]string{"X-Csrf-Token": csrfToken(ctx)})
	return string(b)
}

// ErrorSummaryID is the id of a form's "ERREUR :" summary (one form per page;
// Mon compte's two forms have their own ids).
const ErrorSummaryID = "erreurs"

// AnnouncerID is the polite live region of every page where app.js repeats
// the error a field check brought, so that screen readers say it.
const AnnouncerID = "annonces"

// FullTitle is the document title of a page: its own title, then the site's.
func FullTitle(title string) string {
	return title + " – Assistants Maternels – Département des Alpes-Maritimes"
}

// RequestAlertID is the empty region at the top of every page where an htmx
// request's technical error (5xx) is swapped, so that it is seen and announced
// (its card has role="alert") without replacing the form the visitor was filling.
const RequestAlertID = "alerte-requete"

// htmxConfig lets 422 (a form with errors) and 429 (too many attempts) swap, and 5xx (which the error
// handler retargets to the page's alert region, RequestAlertID, leaving what was typed in place), and keeps htmx within the
// strict CSP: no eval, no inline styles or scripts, history restores as full pages. It keeps no
// snapshot of pages in the browser's storage (historyCacheSize 0): a shared computer's back button
// must not show a childminder's messages from storage after she signed out; back asks the server.
const htmxConfig = `{"responseHandling":[{"code":"204","swap":false},{"code":"422","swap":true},{"code":"429","swap":true},{"code":"[23]..","swap":true},{"code":"5..","swap":true,"error":true},{"code":"[45]..","swap":false,"error":true},{"code":"...","swap":false}],` +
	`"allowEval":false,"allowScriptTags":false,"includeIndicatorStyles":false,"historyRestoreAsHxRequest":false,"selfRequestsOnly":true,"scrollIntoViewOnBoost":false,"historyCacheSize":0}`
