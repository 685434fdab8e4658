package mail

import (
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/departement06/extranet-assmat/app/config"
	"github.com/departement06/extranet-assmat/app/db"
)

// SenderFor is the configured way out: SMTP, or the development mailbox when
// no SMTP server is set outside production.
func SenderFor(cfg config.Config, pool *pgxpool.Pool, log *slog.Logger) (Sender, error) {
	if cfg.SMTPURL == "" {
		return NewMailbox(db.New(pool), log), nil
	}
	return NewSMTP(cfg.SMTPURL, cfg.MailFrom)
}
