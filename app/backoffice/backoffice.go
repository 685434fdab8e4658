// Package backoffice is the foundation of the département's agents' back
// office (issue 10), shared by its features: who the agent is (her own
// session, on the agent_sessions table and the extranet_agent cookie), the
// guard of its routes, and the render helper that puts a page in the back
// office's layout. It is not a feature: the back office's features (sign-in,
// childminders, messages, documents, journal) import it, never one another.
//
// Roles never mix: a childminder's session opens no back-office page, and an
// agent's session no childminder page (404 both ways, see Require and
// KeepAgentsOut); the public pages stay public to both.
package backoffice

import (
	"context"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/db"
	"github.com/departement06/extranet-assmat/app/dbbatch"
	"github.com/departement06/extranet-assmat/app/session"
)

// Agent is the signed-in agent.
type Agent = db.GetAgentRow

// The agents' sessions are stricter than the childminders': an agent's
// session reaches every childminder's data.
const (
	SessionCookie = "extranet_agent"
	SessionTable  = "agent_sessions"
	SessionIdle   = 15 * time.Minute
	SessionMaxAge = 8 * time.Hour
)

// NewSessions is the agents' session manager: app/session's, on the agents'
// table and cookie, loading the agent (a disabled one has no session).
func NewSessions(pool *pgxpool.Pool, secure bool, now func() time.Time) *session.Manager {
	return session.New(pool, session.Config{
		Idle: SessionIdle, MaxAge: SessionMaxAge, Secure: secure, Now: now,
		Table: SessionTable, Cookie: SessionCookie, Users: "agents",
		QueueUser: func(b *pgx.Batch, key []byte, id int64) session.UserResult {
			agent := dbbatch.Queue(b, func(ctx context.Context, q *db.Queries) (Agent, error) {
				return q.GetAgent(ctx, db.GetAgentParams{SessionKey: key, ID: id})
			})
			return func() (session.Signed, error) {
				a, err := agent()
				return session.Signed{User: &a, PasswordChangedAt: a.PasswordChangedAt, LoginAt: a.SessionLoginAt, SeenAt: a.SessionSeenAt}, err
			}
		},
	})
}

// CurrentAgent is the signed-in agent, nil when the request carries no live
// agent session.
func CurrentAgent(c *fiber.Ctx) *Agent {
	a, _ := session.UserOf(c, SessionCookie).(*Agent)
	return a
}

// MenuLabel names the agent's menu: "CLAIRE MARTIN (AGENT)".
func MenuLabel(a *Agent) string {
	return strings.ToUpper(a.Prenom+" "+a.Nom) + " (AGENT)"
}
