-- The département's agents (back office): sign-in, sessions, password links,
-- and the audit log's writes. An agent signs in with her email, kept
-- lower-cased in login (the unique sign-in key).

-- name: GetAgent :one
-- The signed-in agent and her session's times, loaded with each back-office
-- request in one statement; without a session of hers for that key,
-- no_session() raises before any row is read, as in GetAssmat. A disabled
-- agent has no session any more.
SELECT a.id, a.login, a.nom, a.prenom, a.email, a.password_changed_at,
       s.login_at::timestamptz AS session_login_at, s.seen_at::timestamptz AS session_seen_at
FROM agent_sessions s
JOIN agents a ON a.id = s.user_id
WHERE s.k = sqlc.arg(session_key)::bytea AND s.user_id = sqlc.arg(id)::bigint AND a.disabled_at IS NULL
  AND (SELECT CASE WHEN EXISTS (SELECT 1 FROM agent_sessions x
                                WHERE x.k = sqlc.arg(session_key)::bytea AND x.user_id = sqlc.arg(id)::bigint)
                   THEN true ELSE no_session() END);

-- name: GetAgentByLogin :one
-- The account a sign-in names: her email, in any case.
SELECT id, login, nom, prenom, password_hash
FROM agents
WHERE login = lower(sqlc.arg(login)::text) AND disabled_at IS NULL;

-- name: GetAgentPasswordHash :one
SELECT password_hash FROM agents WHERE id = @id;

-- name: LockAgent :one
-- Locks the agent's row until the transaction ends: a link spent and a
-- password changed follow one another (see LockAssmat).
SELECT password_changed_at FROM agents WHERE id = @id FOR UPDATE;

-- name: SetAgentPassword :exec
-- Sets a new password: every session opened before now ends (see
-- password_changed_at); KillAgentTokens follows in the same transaction.
UPDATE agents
SET password_hash = sqlc.arg(password_hash)::text,
    password_changed_at = sqlc.arg(now)::timestamptz
WHERE id = sqlc.arg(id)::bigint;

-- name: CreateAgent :one
INSERT INTO agents (login, nom, prenom, email, password_hash)
VALUES (lower(sqlc.arg(email)::text), @nom, @prenom, sqlc.arg(email)::text, sqlc.narg(password_hash))
RETURNING id;

-- name: CreateAgentToken :exec
INSERT INTO agent_tokens (agent_id, token_hash, expires_at, created_at)
VALUES (@agent_id, @token_hash, @expires_at, @now);

-- name: GetValidAgentToken :one
-- A link that may still be used, with its agent's login.
SELECT t.agent_id, a.login
FROM agent_tokens t
JOIN agents a ON a.id = t.agent_id
WHERE t.token_hash = @token_hash AND t.used_at IS NULL AND t.expires_at > @now
  AND a.disabled_at IS NULL;

-- name: UseAgentToken :one
-- Spends a link: of two concurrent uses, only one gets a row.
UPDATE agent_tokens
SET used_at = sqlc.arg(now)::timestamptz
WHERE token_hash = @token_hash AND used_at IS NULL AND expires_at > sqlc.arg(now)::timestamptz
RETURNING agent_id;

-- name: KillAgentTokens :exec
-- Kills every pending link of the agent (her password was just set).
UPDATE agent_tokens SET used_at = sqlc.arg(now)::timestamptz
WHERE agent_id = @agent_id AND used_at IS NULL;

-- name: InsertAuditEntry :exec
-- One line of the append-only audit log (see app/audit), written in the
-- transaction of the action it records, at that transaction's time.
INSERT INTO audit_log (agent_id, action, target, details)
VALUES (sqlc.arg(agent_id)::bigint, @action, @target, @details);
