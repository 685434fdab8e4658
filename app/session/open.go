package session

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// WireName is the session cookie's name as the browser sends it
// (hostcookie: "__Host-" over HTTPS).
func (m *Manager) WireName() string { return m.wire }

// Open reports whether raw, a session cookie's value, names a live session
// of this manager's users, judged as Middleware judges it, with the user's
// one statement. It is for decisions taken from a request's headers alone,
// before its body is read: app/web lets only a signed-in agent send the
// back office's large uploads.
func (m *Manager) Open(ctx context.Context, raw string) bool {
	claim, ok := parseCookie(raw)
	if !ok {
		return false
	}
	b := &pgx.Batch{}
	user := m.cfg.QueueUser(b, claim.key[:], claim.userID)
	if err := m.pool.SendBatch(ctx, b).Close(); err != nil {
		return false
	}
	signed, err := user()
	return err == nil && m.ended(signed) == ""
}

// ended is why a session read from the database is over (its notice key),
// "" while it lives: idle too long, older than MaxAge, or opened before the
// password's last change.
func (m *Manager) ended(s Signed) string {
	now := m.cfg.Now()
	switch {
	case now.Sub(s.SeenAt) > m.cfg.Idle:
		return NoticeInactivity
	case now.Sub(s.LoginAt) > m.cfg.MaxAge:
		return NoticeSessionEnded
	case s.PasswordChangedAt != nil && s.PasswordChangedAt.After(s.LoginAt):
		return NoticeSessionEnded
	}
	return ""
}
