-- +goose Up
-- Sessions in columns of their own (issue 12), replacing the opaque value of
-- fiber's session storage: a page reads the session, its user and its own
-- data in one round trip, which needs the user's id before the session row
-- comes back (the cookie carries it; the row must agree). The key is a
-- SHA-256 of the cookie's secret: whoever reads this table cannot open a
-- session with it. Sessions open at the upgrade end (their cookies name
-- rows that are gone): everyone signs in again once.
DROP TABLE sessions;
CREATE TABLE sessions (
    k        BYTEA PRIMARY KEY CHECK (length(k) = 32),
    user_id  BIGINT NOT NULL REFERENCES assmats (id) ON DELETE CASCADE,
    login_at TIMESTAMPTZ NOT NULL,
    seen_at  TIMESTAMPTZ NOT NULL
);
-- The clean-up deletes the sessions idle too long or too old.
CREATE INDEX sessions_seen_idx ON sessions (seen_at);
CREATE INDEX sessions_login_idx ON sessions (login_at);

DROP TABLE agent_sessions;
CREATE TABLE agent_sessions (
    k        BYTEA PRIMARY KEY CHECK (length(k) = 32),
    user_id  BIGINT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    login_at TIMESTAMPTZ NOT NULL,
    seen_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX agent_sessions_seen_idx ON agent_sessions (seen_at);
CREATE INDEX agent_sessions_login_idx ON agent_sessions (login_at);

-- +goose Down
DROP TABLE agent_sessions;
CREATE TABLE agent_sessions (
    k VARCHAR(64) PRIMARY KEY NOT NULL DEFAULT '',
    v BYTEA NOT NULL,
    e BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX agent_sessions_expiry_idx ON agent_sessions (e);
DROP TABLE sessions;
CREATE TABLE sessions (
    k VARCHAR(64) PRIMARY KEY NOT NULL DEFAULT '',
    v BYTEA NOT NULL,
    e BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX sessions_expiry_idx ON sessions (e);
