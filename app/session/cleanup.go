package session

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/puddle/v2"
)

// cleanUp deletes the expired sessions every minute, until the pool is
// closed. Its statement ends with CleanUpCondition, so that the tests'
// round-trip counters can leave it out: it is no page's cost.
func (m *Manager) cleanUp() {
	tick := time.NewTicker(time.Minute)
	defer tick.Stop()
	for range tick.C {
		now := m.cfg.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_, err := m.pool.Exec(ctx, m.sql.cleanUp, now.Add(-m.cfg.Idle), now.Add(-m.cfg.MaxAge))
		cancel()
		if errors.Is(err, puddle.ErrClosedPool) {
			return
		}
		if err != nil {
			// The database away for a while: the next minute tries again.
			m.cfg.Log.Warn("session clean-up", "table", m.cfg.Table, "error", err)
		}
	}
}
