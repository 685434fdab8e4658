package web_test

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/static"
)

// matrixRows is the route matrix: every route the router registers, with
// what fills its parameters and the answer each kind of visitor must get.
// A route without a row fails TestRouteMatrix: whoever adds a route says who
// may reach it, childminders and the back office's agents alike (the agent
// column, issue 10: an agent's session opens no childminder page, a
// childminder's no back-office page — 404 both ways; public pages answer
// each as the anonymous visitor).
//
// A cell is the answer to a harmless request (an empty or half-filled form):
// the matrix checks who reaches what, not what the forms accept. Every unsafe
// method is also sent without a CSRF token and with another session's, plain
// and htmx: those must be refused (403) whatever the cell says.
//
// unrouted are requests no route answers: an unknown path, a known path with
// another method.
func matrixRows() (routed, unrouted []matrixRow) {
	// Answers.
	answer := func(status int) matrixWant { return matrixWant{status: status} }
	seeOther := func(to string) matrixWant { return matrixWant{status: http.StatusSeeOther, to: to} }
	var (
		ok            = answer(http.StatusOK)
		invalid       = answer(http.StatusUnprocessableEntity) // the form comes back with its French errors
		notFound      = answer(http.StatusNotFound)
		notAllowed    = answer(http.StatusMethodNotAllowed)
		gone          = answer(http.StatusGone) // "Lien expiré"
		toLogin       = seeOther("/connexion")
		toNewPassword = seeOther("/changement-mot-de-passe")
		toDashboard   = seeOther("/")
		toAccount     = seeOther("/mon-compte")
		favicon       = matrixWant{status: http.StatusMovedPermanently, to: static.Path("img/favicon.svg")}
		// Accepted actions: each runs on a session and a target of its own
		// (see matrixFixture.disposable) and must change the first table
		// listed, and none but those listed.
		loggedOut    = toLogin.changing("sessions")
		childDeleted = seeOther("/enfants-accueillis").changing("children", "care_periods")
		// Opening a message marks it read (once); archiving and restoring
		// change her state of it, and go back to the list. Her count of
		// messages read or archived follows (assmat_message_counts, migration
		// 0011), and a first reading the message's (message_read_counts, 0016).
		messageRead  = ok.changing("message_states", "assmat_message_counts", "message_read_counts")
		messageMoved = seeOther("/messages").changing("message_states", "assmat_message_counts")
		// The address changes and the old one is told: an email job, then the mailbox.
		emailChanged = seeOther("/adresse-email-confirmee").changing("assmats", "account_tokens", "river_job", "dev_mailbox")
		// The back office's answers.
		toAgentLogin = seeOther("/back-office/connexion")
		toBackOffice = seeOther("/back-office")
		agentOut     = toAgentLogin.changing("agent_sessions")
		toAssmatC    = seeOther("/back-office/assistants-maternels/" + matrixLoginC)
	)
	// What fills the parameters (see matrixFixture).
	var (
		staticFile      = matrixTarget{"a static file", (*matrixFixture).staticFile}
		childOfA        = matrixTarget{"A's child", (*matrixFixture).childOfA}
		devMail         = matrixTarget{"an email", (*matrixFixture).devMail}
		unknownID       = matrixTarget{"unknown id", (*matrixFixture).unknownID}
		unknownToken    = matrixTarget{"unknown token", (*matrixFixture).unknownToken}
		passwordLinkOfA = matrixTarget{"A's valid password link", (*matrixFixture).passwordLinkOfA}
		emailLinkOfA    = matrixTarget{"A's valid email link", (*matrixFixture).emailLinkOfA}
		galleryState    = matrixTarget{"a gallery state", func(*matrixFixture, bool) map[string]string {
			return map[string]string{"component": "LoginPage", "state": "bloquee"}
		}}
		unknownState = matrixTarget{"an unknown gallery state", func(*matrixFixture, bool) map[string]string {
			return map[string]string{"component": "LoginPage", "state": "nulle-part"}
		}}
		// Documents are the département's, the same for every childminder.
		storedFile = matrixTarget{"a stored file", func(fx *matrixFixture, _ bool) map[string]string {
			var id int64
			fx.env.QueryRow(`SELECT min(id) FROM documents WHERE file_content IS NOT NULL`, nil, &id)
			return map[string]string{"id": itoa(id)}
		}}
		linkDocument = matrixTarget{"a link, without a file", func(fx *matrixFixture, _ bool) map[string]string {
			var id int64
			fx.env.QueryRow(`SELECT min(id) FROM documents WHERE file_content IS NULL`, nil, &id)
			return map[string]string{"id": itoa(id)}
		}}
		// A new personal message of A for each request (archived, for a
		// restore): whatever an earlier request did to another, this one is
		// unread and in the box the action needs.
		messageOfA = matrixTarget{"A's personal message", func(fx *matrixFixture, _ bool) map[string]string {
			return map[string]string{"id": strconv.FormatInt(fx.personalMessageOfA(false), 10)}
		}}
		archivedOfA = matrixTarget{"A's archived personal message", func(fx *matrixFixture, _ bool) map[string]string {
			return map[string]string{"id": strconv.FormatInt(fx.personalMessageOfA(true), 10)}
		}}
		// C, a childminder of the back office's account actions: before each
		// request, an active account again (a password, no temporary one),
		// so that every action has something to change.
		assmatC = matrixTarget{"C, an active childminder", func(fx *matrixFixture, _ bool) map[string]string {
			if _, err := fx.env.Pool.Exec(context.Background(), `INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, password_hash)
				SELECT $1, 'Madame', 'MATRICE', 'Camille', '1985-05-05', password_hash FROM assmats WHERE login = '100001'
				ON CONFLICT (login) DO UPDATE SET password_hash = EXCLUDED.password_hash, must_change_password = false,
					password_changed_at = NULL`, matrixLoginC); err != nil {
				fx.t.Fatal(err)
			}
			return map[string]string{"login": matrixLoginC}
		}}
		unknownLogin = matrixTarget{"an unknown identifier", func(*matrixFixture, bool) map[string]string {
			return map[string]string{"login": "999999"}
		}}
		// A new link of a new agent (without a password) for each request.
		agentLink = matrixTarget{"a new agent's valid link", func(fx *matrixFixture, _ bool) map[string]string {
			return map[string]string{"token": fx.agentLink()}
		}}
	)
	// The inline check of one field, as htmx sends it when the field is left.
	fieldCheck := apptest.Values("nom", "DUPONT")
	fieldCheckHeader := []apptest.Header{{Name: "HX-Trigger-Name", Value: "nom"}}

	routed = []matrixRow{
		// Before the session: nobody is refused.
		{route: "GET /static/*", target: staticFile, anon: ok, a: ok, b: ok, temp: ok, agent: ok},
		{route: "GET /favicon.ico", anon: favicon, a: favicon, b: favicon, temp: favicon, agent: favicon},

		// Public pages and forms.
		{route: "GET /connexion", anon: ok, a: toDashboard, b: toDashboard, temp: toDashboard, agent: ok},
		{route: "POST /connexion", throttled: true, anon: invalid, a: invalid, b: invalid, temp: invalid, agent: invalid},
		{route: "POST /deconnexion", anon: toLogin, a: loggedOut, b: loggedOut, temp: loggedOut, agent: toLogin},
		{route: "GET /premiere-connexion", anon: ok, a: ok, b: ok, temp: ok, agent: ok},
		{route: "POST /premiere-connexion", throttled: true, anon: invalid, a: invalid, b: invalid, temp: invalid, agent: invalid},
		// An emailed link is its own proof, whoever holds it, signed in or not.
		{route: "GET /mot-de-passe/:token", target: unknownToken, anon: gone, a: gone, b: gone, temp: gone, agent: gone},
		{route: "GET /mot-de-passe/:token", target: passwordLinkOfA, anon: ok, a: ok, b: ok, temp: ok, agent: ok},
		{route: "POST /mot-de-passe/:token", target: unknownToken, throttled: true, anon: gone, a: gone, b: gone, temp: gone, agent: gone},
		{route: "POST /mot-de-passe/:token", target: passwordLinkOfA, throttled: true, anon: invalid, a: invalid, b: invalid, temp: invalid, agent: invalid},
		{route: "GET /adresse-email/:token", target: unknownToken, anon: gone, a: gone, b: gone, temp: gone, agent: gone},
		{route: "GET /adresse-email/:token", target: emailLinkOfA, anon: ok, a: ok, b: ok, temp: ok, agent: ok},
		{route: "POST /adresse-email/:token", target: unknownToken, throttled: true, anon: gone, a: gone, b: gone, temp: gone, agent: gone},
		{route: "POST /adresse-email/:token", target: emailLinkOfA, throttled: true,
			anon: emailChanged, a: emailChanged, b: emailChanged, temp: emailChanged, agent: emailChanged},
		{route: "GET /adresse-email-confirmee", anon: ok, a: ok, b: ok, temp: ok, agent: ok},
		{route: "GET /accessibilite", anon: ok, a: ok, b: ok, temp: ok, agent: ok},
		// The development mailbox (no SMTP_URL): open to whoever reaches the app.
		{route: "GET /dev/courriels", anon: ok, a: ok, b: ok, temp: ok, agent: ok},
		{route: "GET /dev/courriels/:id", target: devMail, anon: ok, a: ok, b: ok, temp: ok, agent: ok},
		{route: "GET /dev/courriels/:id", target: unknownID, anon: notFound, a: notFound, b: notFound, temp: notFound, agent: notFound},
		// The designers' gallery, also development only: sample data, no database.
		{route: "GET /dev/composants", anon: ok, a: ok, b: ok, temp: ok, agent: ok},
		{route: "GET /dev/composants/:component/:state", target: galleryState, anon: ok, a: ok, b: ok, temp: ok, agent: ok},
		{route: "GET /dev/composants/:component/:state", target: unknownState, anon: notFound, a: notFound, b: notFound, temp: notFound, agent: notFound},

		// Temporary password: nothing but the page that replaces it.
		{route: "GET /changement-mot-de-passe", anon: toLogin, a: toAccount, b: toAccount, temp: ok, agent: notFound},
		{route: "POST /changement-mot-de-passe", anon: toLogin, a: toAccount, b: toAccount, temp: invalid, agent: notFound},

		// Signed in with a password of her own.
		{route: "GET /", anon: toLogin, a: ok, b: ok, temp: toNewPassword, agent: notFound},
		{route: "GET /mon-compte", anon: toLogin, a: ok, b: ok, temp: toNewPassword, agent: notFound},
		{route: "POST /mon-compte/mot-de-passe", anon: toLogin, a: invalid, b: invalid, temp: toNewPassword, agent: notFound},
		{route: "POST /mon-compte/adresse-email", anon: toLogin, a: invalid, b: invalid, temp: toNewPassword, agent: notFound},
		{route: "GET /enfants-accueillis", anon: toLogin, a: ok, b: ok, temp: toNewPassword, agent: notFound},
		{route: "GET /enfants-accueillis/nouveau", anon: toLogin, a: ok, b: ok, temp: toNewPassword, agent: notFound},
		{route: "POST /enfants-accueillis/nouveau", anon: toLogin, a: invalid, b: invalid, temp: toNewPassword, agent: notFound},
		{route: "POST /enfants-accueillis/champ", form: fieldCheck, header: fieldCheckHeader,
			anon: toLogin, a: ok, b: ok, temp: toNewPassword, agent: notFound},

		// A's child: B, who owns nothing of A's, does not even learn that it exists.
		{route: "GET /enfants-accueillis/:id", target: childOfA, anon: toLogin, a: ok, b: notFound, temp: toNewPassword, agent: notFound},
		{route: "GET /enfants-accueillis/:id/modifier", target: childOfA, anon: toLogin, a: ok, b: notFound, temp: toNewPassword, agent: notFound},
		{route: "POST /enfants-accueillis/:id/modifier", target: childOfA, anon: toLogin, a: invalid, b: notFound, temp: toNewPassword, agent: notFound},
		{route: "GET /enfants-accueillis/:id/supprimer", target: childOfA, anon: toLogin, a: ok, b: notFound, temp: toNewPassword, agent: notFound},
		{route: "POST /enfants-accueillis/:id/supprimer", target: childOfA, anon: toLogin, a: childDeleted, b: notFound, temp: toNewPassword, agent: notFound},

		// Read only; her agrément is read by her own id, so B sees hers.
		{route: "GET /mon-agrement", anon: toLogin, a: ok, b: ok, temp: toNewPassword, agent: notFound},
		{route: "GET /documents-utiles", anon: toLogin, a: ok, b: ok, temp: toNewPassword, agent: notFound},
		{route: "GET /documents-utiles/:id/fichier", target: storedFile, anon: toLogin, a: ok, b: ok, temp: toNewPassword, agent: notFound},
		{route: "GET /documents-utiles/:id/fichier", target: linkDocument, anon: toLogin, a: notFound, b: notFound, temp: toNewPassword, agent: notFound},
		{route: "GET /documents-utiles/:id/fichier", target: unknownID, anon: toLogin, a: notFound, b: notFound, temp: toNewPassword, agent: notFound},

		// Messages: the general ones and her own. A's personal message is not B's to see.
		{route: "GET /messages", anon: toLogin, a: ok, b: ok, temp: toNewPassword, agent: notFound},
		{route: "GET /messages/:id", target: messageOfA, anon: toLogin, a: messageRead, b: notFound, temp: toNewPassword, agent: notFound},
		{route: "POST /messages/:id/archiver", target: messageOfA, anon: toLogin, a: messageMoved, b: notFound, temp: toNewPassword, agent: notFound},
		{route: "POST /messages/:id/restaurer", target: archivedOfA, anon: toLogin, a: messageMoved, b: notFound, temp: toNewPassword, agent: notFound},

		// The back office's public pages: public to childminders too.
		{route: "GET /back-office/connexion", anon: ok, a: ok, b: ok, temp: ok, agent: toBackOffice},
		{route: "POST /back-office/connexion", throttled: true, anon: invalid, a: invalid, b: invalid, temp: invalid, agent: invalid},
		// An agent's link is its own proof, whoever holds it.
		{route: "GET /back-office/mot-de-passe/:token", target: unknownToken, anon: gone, a: gone, b: gone, temp: gone, agent: gone},
		{route: "GET /back-office/mot-de-passe/:token", target: agentLink, anon: ok, a: ok, b: ok, temp: ok, agent: ok},
		{route: "POST /back-office/mot-de-passe/:token", target: unknownToken, throttled: true,
			anon: gone, a: gone, b: gone, temp: gone, agent: gone},
		{route: "POST /back-office/mot-de-passe/:token", target: agentLink, throttled: true,
			anon: invalid, a: invalid, b: invalid, temp: invalid, agent: invalid},
		// The back office proper: agents only; a childminder does not learn that it exists.
		{route: "GET /back-office", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok},
		{route: "POST /back-office/deconnexion", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: agentOut},
		{route: "GET /back-office/mon-compte", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok},
		{route: "POST /back-office/mon-compte/mot-de-passe", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: invalid},
		// The childminders (app/boassmats): viewing her page is audited (its one
		// write); each account action is a GET that asks and a POST that does,
		// on C, a childminder set back to an active account before each action.
		{route: "GET /back-office/assistants-maternels", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok},
		{route: "GET /back-office/assistants-maternels/:login", target: assmatC,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok.changing("audit_log")},
		{route: "GET /back-office/assistants-maternels/:login", target: unknownLogin,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: notFound},
		{route: "GET /back-office/assistants-maternels/:login/acces", target: assmatC,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok},
		{route: "POST /back-office/assistants-maternels/:login/acces", target: assmatC,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok.changing("assmats", "audit_log")},
		{route: "GET /back-office/assistants-maternels/:login/identifiant-seul", target: assmatC,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok},
		{route: "POST /back-office/assistants-maternels/:login/identifiant-seul", target: assmatC,
			// Her password goes: one active childminder less (assmat_counts, migration 0008).
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: toAssmatC.changing("assmats", "assmat_counts", "audit_log")},
		{route: "GET /back-office/assistants-maternels/:login/deblocage", target: assmatC,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok},
		{route: "POST /back-office/assistants-maternels/:login/deblocage", target: assmatC,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: toAssmatC.changing("audit_log")},
		{route: "POST /back-office/assistants-maternels/:login/deblocage", target: unknownLogin,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: notFound},
		// Messages (app/bomessages): an empty form comes back with its errors;
		// nothing is written before "Envoyer".
		{route: "GET /back-office/messages", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok},
		{route: "GET /back-office/messages/nouveau", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok},
		{route: "POST /back-office/messages/nouveau", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: invalid},
		{route: "POST /back-office/messages/nouveau", form: map[string][]string{"destinataires": {"tous"}, "expediteur": {"PMI"},
			"objet": {"Matrice"}, "texte": {"Texte"}, "action": {"envoyer"}},
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound,
			// A general message: its triggers count it in message_counts
			// (migration 0006) and make its row of reads (0016).
			agent: seeOther("/back-office/messages?envoye=1").changing("messages", "message_counts", "message_read_counts", "audit_log")},
		// The audit log (app/boaudit): read only.
		{route: "GET /back-office/journal", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok},
		{route: "GET /back-office/export", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok},
		{route: "GET /back-office/export/declarations.csv", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok.changing("audit_log")},
		// The Genesis import (app/boimport): a form without a file is refused.
		{route: "GET /back-office/import", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok},
		{route: "POST /back-office/import", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: invalid},
		// Documents utiles (app/bodocuments): each change is audited.
		{route: "GET /back-office/documents-utiles", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok},
		{route: "GET /back-office/documents-utiles/nouveau", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok},
		{route: "POST /back-office/documents-utiles/nouveau", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: invalid},
		{route: "GET /back-office/documents-utiles/:id/modifier", target: boDocument,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok},
		{route: "GET /back-office/documents-utiles/:id/modifier", target: unknownID,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: notFound},
		{route: "POST /back-office/documents-utiles/:id/modifier", target: boDocument,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: invalid},
		{route: "GET /back-office/documents-utiles/:id/supprimer", target: boDocument,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: ok},
		{route: "POST /back-office/documents-utiles/:id/supprimer", target: boNewLastDocument,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound,
			agent: seeOther("/back-office/documents-utiles?fait=supprime").changing("documents", "audit_log")},
		{route: "POST /back-office/documents-utiles/:id/supprimer", target: unknownID,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: notFound},
		{route: "POST /back-office/documents-utiles/:id/monter", target: boNewLastDocument,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: boMoved},
		{route: "POST /back-office/documents-utiles/:id/descendre", target: boNewFirstDocument,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: boMoved},
		{route: "POST /back-office/documents-utiles/:id/descendre", target: unknownID,
			anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: notFound},
	}

	// The signed-in area's middleware (requireUser, app/web/signed_in.go) runs for every
	// path no public route took: a visitor not fully signed in is sent on as
	// from any private page, before any 404 or 405.
	unrouted = []matrixRow{
		{route: "GET /nulle-part", anon: toLogin, a: notFound, b: notFound, temp: toNewPassword, agent: notFound},
		{route: "GET /enfants-accueillis/champ", anon: toLogin, a: notFound, b: notFound, temp: toNewPassword, agent: notFound},
		// Signing out is a POST: a prefetched link signs nobody out.
		{route: "GET /deconnexion", anon: toLogin, a: notAllowed, b: notAllowed, temp: toNewPassword, agent: notFound},
		{route: "POST /accessibilite", anon: toLogin, a: notAllowed, b: notAllowed, temp: toNewPassword, agent: notFound},
		// Under /back-office, the back office's guard answers first; past its
		// routes, an agent gets a 404 (never the childminders' area).
		{route: "GET /back-office/nulle-part", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: notFound},
		{route: "GET /back-office/deconnexion", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: notFound},
		{route: "POST /back-office/mon-compte", anon: toAgentLogin, a: notFound, b: notFound, temp: notFound, agent: notFound},
	}
	return routed, unrouted
}

// matrixRoles are the columns: who asks. A signed-in role's home is a page of
// hers that carries her CSRF token.
var matrixRoles = []matrixRole{
	{name: "anonymous", want: func(r matrixRow) matrixWant { return r.anon }},
	{name: "A", login: "100001", password: "Demo-assmat1", home: "/mon-compte", want: func(r matrixRow) matrixWant { return r.a }},
	{name: "B", login: matrixLoginB, password: matrixPasswordB, home: "/mon-compte", want: func(r matrixRow) matrixWant { return r.b }},
	{name: "temporary", login: "100002", password: "Temp-2025a", home: "/changement-mot-de-passe",
		want: func(r matrixRow) matrixWant { return r.temp }},
	{name: "agent", agent: true, login: "agent@demo.local", password: "Demo-agent1", home: "/back-office/mon-compte",
		want: func(r matrixRow) matrixWant { return r.agent }},
}

// B is a second active childminder, owner of nothing of A's (the fixture creates her).
const (
	matrixLoginB    = "200001"
	matrixPasswordB = "Autre-assmat-2"
)

// C is the childminder the back office's account actions are tried on (see assmatC).
const matrixLoginC = "300001"

// matrixRow is one route, what fills its parameters, and each role's answer.
type matrixRow struct {
	route  string       // "METHOD /path" as the router registers it
	target matrixTarget // fills :id, :token and *
	// form is the body of an unsafe method (nil: an empty form), to which
	// the variant adds its CSRF token; header goes with every variant.
	form   map[string][]string
	header []apptest.Header
	// throttled: the login throttle counts these submissions, so that an
	// answered one may write login_throttle (a refused one may not).
	throttled bool

	anon, a, b, temp, agent matrixWant
}

type matrixRole struct {
	name, login, password, home string
	// agent signs in at the back office's sign-in rather than the childminders'.
	agent bool
	want  func(matrixRow) matrixWant
}

// matrixWant is an expected answer. A 303 is a 204 with HX-Redirect for htmx;
// a 301 is the same for both.
type matrixWant struct {
	status  int
	to      string   // Location, or HX-Redirect
	changes []string // tables an accepted action changes; none: nothing may change
}

func (w matrixWant) changing(tables ...string) matrixWant { w.changes = tables; return w }

func TestRouteMatrix(t *testing.T) {
	t.Parallel()
	start := time.Now()
	fx := newMatrixFixture(t)
	routed, unrouted := matrixRows()

	// Every registered route has at least one row; every row is where it belongs.
	routes := matrixRoutes(fx.env.App)
	for _, r := range routes {
		if !slices.ContainsFunc(routed, func(row matrixRow) bool { return row.route == r }) {
			t.Errorf("route %q has no expectation in the route matrix: add a row for it to matrixRows in "+
				"app/web/routematrix_test.go, with the answer each role must get (anon, a, b, temp)", r)
		}
	}
	for _, row := range routed {
		if !slices.Contains(routes, row.route) {
			t.Errorf("the route matrix has a row for %q, which the router does not register: update or remove it", row.route)
		}
	}
	for _, row := range unrouted {
		if slices.Contains(routes, row.route) {
			t.Errorf("%q is a registered route: move its row from unrouted to routed", row.route)
		}
	}
	for _, row := range slices.Concat(routed, unrouted) {
		for _, role := range matrixRoles {
			if role.want(row).status == 0 {
				t.Errorf("the row of %q [%s] says nothing for the role %s: fill its cell", row.route, row.target.nameOr("no parameter"), role.name)
			}
		}
	}
	if t.Failed() {
		t.FailNow()
	}

	var n matrixCount
	for _, row := range slices.Concat(routed, unrouted) {
		method, pattern, _ := strings.Cut(row.route, " ")
		for _, role := range matrixRoles {
			for _, v := range matrixVariantsOf(method) {
				n.add(v)
				fx.run(row, role, method, pattern, v)
			}
		}
	}
	t.Logf("%d routes, %d rows (+%d unrouted), %d roles: %d cases (%d safe-method, %d unsafe with a valid token, %d CSRF refusals) in %s",
		len(routes), len(routed), len(unrouted), len(matrixRoles), n.safe+n.unsafe+n.refused, n.safe, n.unsafe, n.refused,
		time.Since(start).Round(time.Millisecond))
}

// personalMessageOfA writes a new personal message to A, archived or not,
// straight into the tables (no email: the matrix checks who reaches it).
func (fx *matrixFixture) personalMessageOfA(archived bool) int64 {
	fx.t.Helper()
	var id int64
	fx.env.QueryRow(`INSERT INTO messages (sender_service, subject, body, recipient_assmat_id)
		VALUES ('Service de PMI', 'Message de la matrice', 'Texte', $1) RETURNING id`, []any{fx.idA}, &id)
	if archived {
		if _, err := fx.env.Pool.Exec(context.Background(),
			`INSERT INTO message_states (assmat_id, message_id, archived_at) VALUES ($1, $2, now())`, fx.idA, id); err != nil {
			fx.t.Fatal(err)
		}
	}
	return id
}
