package agentauth

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/db"
)

// storeHash stores an agent's new password hash in the caller's transaction,
// after locking her row: every session opened before now ends, and every
// pending link of hers dies (a link issued meanwhile waits for the row).
func storeHash(c *fiber.Ctx, q *db.Queries, id int64, hash string, now time.Time) error {
	ctx := c.UserContext()
	if _, err := q.LockAgent(ctx, id); err != nil {
		return err
	}
	if err := q.SetAgentPassword(ctx, db.SetAgentPasswordParams{ID: id, PasswordHash: hash, Now: now}); err != nil {
		return err
	}
	return q.KillAgentTokens(ctx, db.KillAgentTokensParams{AgentID: id, Now: now})
}
