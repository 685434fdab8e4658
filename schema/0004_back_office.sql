-- +goose Up
-- The back office (issue 10): agents sign in with their email, in sessions of
-- their own, and every action they take is kept in an append-only log.

-- An agent signs in with her email (kept in login too, lower-cased, so that
-- the unique constraint is the sign-in key). password_changed_at ends her
-- older sessions, as for childminders; disabled_at closes the account
-- without deleting it (the audit log keeps pointing at her).
ALTER TABLE agents ADD COLUMN password_changed_at TIMESTAMPTZ;
ALTER TABLE agents ADD COLUMN disabled_at TIMESTAMPTZ;
ALTER TABLE agents ADD CONSTRAINT agents_login_lower CHECK (login = lower(login));

-- The agents' sessions: a store of their own (another cookie, shorter
-- lifetimes), so that a childminder's session can never be an agent's.
CREATE TABLE agent_sessions (
    k VARCHAR(64) PRIMARY KEY NOT NULL DEFAULT '',
    v BYTEA NOT NULL,
    e BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX agent_sessions_expiry_idx ON agent_sessions (e);

-- An agent's single-use link to set her password (a new agent, created from
-- the command line). Only a SHA-256 of the token is stored.
CREATE TABLE agent_tokens (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent_id    BIGINT NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    token_hash  BYTEA NOT NULL UNIQUE,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX agent_tokens_agent_idx ON agent_tokens (agent_id);

-- The audit log is append-only, and the database enforces it: an UPDATE, a
-- DELETE or a TRUNCATE fails whoever runs it. An agent with entries cannot be
-- deleted (disable her instead): ON DELETE SET NULL would be an UPDATE.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_agent_id_fkey;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_agent_id_fkey
    FOREIGN KEY (agent_id) REFERENCES agents (id) ON DELETE RESTRICT;
-- +goose StatementBegin
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
-- +goose StatementEnd
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
-- The log's filters: by agent, by action, by date (audit_log_created_idx).
CREATE INDEX audit_log_agent_idx ON audit_log (agent_id, created_at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, created_at DESC);

-- The back office's childminder search (230,000 childminders nationally):
-- by name, identifier or commune, ignoring case and accents, through a
-- trigram index. Queries must use this very expression.
CREATE INDEX assmats_search_idx ON assmats
    USING gin (extranet_fold(nom || ' ' || prenom || ' ' || login || ' ' || commune) gin_trgm_ops);

-- +goose Down
DROP INDEX assmats_search_idx;
DROP INDEX audit_log_action_idx;
DROP INDEX audit_log_agent_idx;
DROP TRIGGER audit_log_no_truncate ON audit_log;
DROP TRIGGER audit_log_no_change ON audit_log;
DROP FUNCTION audit_log_append_only();
ALTER TABLE audit_log DROP CONSTRAINT audit_log_agent_id_fkey;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_agent_id_fkey
    FOREIGN KEY (agent_id) REFERENCES agents (id) ON DELETE SET NULL;
DROP TABLE agent_tokens;
DROP TABLE agent_sessions;
ALTER TABLE agents DROP CONSTRAINT agents_login_lower;
ALTER TABLE agents DROP COLUMN disabled_at;
ALTER TABLE agents DROP COLUMN password_changed_at;
