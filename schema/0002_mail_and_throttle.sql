-- +goose Up
-- Emails kept instead of sent when no SMTP server is configured (development):
-- the development-only mailbox page shows them.
CREATE TABLE dev_mailbox (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    to_addr     TEXT NOT NULL,
    subject     TEXT NOT NULL,
    html        TEXT NOT NULL,
    text        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Login throttling: the lock is derived from these counters and the clock
-- (see app/throttle), so that one policy decides it.
ALTER TABLE login_throttle DROP COLUMN locked_until;
ALTER TABLE login_throttle ADD COLUMN last_failure_at TIMESTAMPTZ NOT NULL DEFAULT now();

-- +goose Down
ALTER TABLE login_throttle DROP COLUMN last_failure_at;
ALTER TABLE login_throttle ADD COLUMN locked_until TIMESTAMPTZ;
DROP TABLE dev_mailbox;
