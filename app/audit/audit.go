// Package audit writes the back office's audit log: every action of an
// agent, with who, when, what and on what, in the transaction of the action
// itself (an action that rolls back leaves no line; a line that cannot be
// written rolls the action back). The table is append-only, and the database
// enforces it (schema/0004: UPDATE, DELETE and TRUNCATE raise an error).
//
// It is shared by every back-office feature, and imports none of them.
package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/departement06/extranet-assmat/app/db"
)

// Action is what an agent did, as the log stores it: a stable key (the
// filters and exports name it), shown in French by Label.
type Action string

// The actions of the back office (issue 10, SPEC §11).
const (
	SignIn          Action = "connexion"
	MessageSent     Action = "message-envoye"
	AccessGiven     Action = "acces-donne"
	AccessRenewed   Action = "acces-renouvele"
	IdentifierOnly  Action = "identifiant-seul"
	AccountUnlocked Action = "compte-debloque"
	DocumentCreated Action = "document-cree"
	DocumentChanged Action = "document-modifie"
	DocumentDeleted Action = "document-supprime"
	AssmatViewed    Action = "fiche-consultee"
	Import          Action = "import"
	Export          Action = "export"
)

// actions are every action with its French label, in the order the journal's
// filter lists them.
var actions = []struct {
	Action Action
	Label  string
}{
	{SignIn, "Connexion au back office"},
	{AssmatViewed, "Fiche d'un assistant maternel consultée"},
	{AccessGiven, "Accès donné (mot de passe temporaire)"},
	{AccessRenewed, "Accès renouvelé (mot de passe temporaire)"},
	{IdentifierOnly, "Compte passé en identifiant seul"},
	{AccountUnlocked, "Compte débloqué"},
	{MessageSent, "Message envoyé"},
	{DocumentCreated, "Document créé"},
	{DocumentChanged, "Document modifié"},
	{DocumentDeleted, "Document supprimé"},
	{Import, "Import des assistants maternels"},
	{Export, "Export des déclarations"},
}

// Actions lists every action, in the journal's order.
func Actions() []Action {
	out := make([]Action, len(actions))
	for i, a := range actions {
		out[i] = a.Action
	}
	return out
}

// Label is the action in French ("" for an action this version does not know).
func Label(a Action) string {
	for _, x := range actions {
		if x.Action == a {
			return x.Label
		}
	}
	return ""
}

// Known is true for an action of this list: a filter's value is checked
// against it before any query.
func Known(a Action) bool { return Label(a) != "" }

// Targets name what an action was done to, alike in every feature, so that
// the journal can be searched by target.
func TargetAssmat(login string) string { return "assmat:" + login }
func TargetDocument(id int64) string   { return "document:" + strconv.FormatInt(id, 10) }
func TargetMessage(id int64) string    { return "message:" + strconv.FormatInt(id, 10) }
func TargetAgent(id int64) string      { return "agent:" + strconv.FormatInt(id, 10) }

// Record writes one line of the log in the caller's transaction (tx is a
// pgx.Tx, or a pool for an action that writes nothing else). details are
// stored as JSON (nil: {}); they must never hold a password or a token.
// The line's time is the transaction's (PostgreSQL's now()).
func Record(ctx context.Context, tx db.DBTX, agentID int64, action Action, target string, details map[string]any) error {
	if !Known(action) {
		return fmt.Errorf("audit: unknown action %q", action)
	}
	if details == nil {
		details = map[string]any{}
	}
	js, err := json.Marshal(details)
	if err != nil {
		return fmt.Errorf("audit: details of %s: %w", action, err)
	}
	return db.New(tx).InsertAuditEntry(ctx, db.InsertAuditEntryParams{
		AgentID: agentID, Action: string(action), Target: target, Details: js,
	})
}
