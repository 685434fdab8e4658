-- The back office's audit log page (issue 10).

-- The journal's pages, newest first, one statement per set of filters
-- (migration 0015 says why): the page's ids from the filter's index, whose
-- order is the page's, then their lines (audit_lines). The date range is
-- optional (NULL: no bound), and bounds the same index scan. Each reads one
-- line more than a page, to know whether a next page exists without
-- counting the log. The four return the same columns: app/boaudit picks one.

-- name: BOListAudit :many
-- Every agent and action: audit_log_created_idx.
WITH page AS (
    SELECT l.id, l.created_at
    FROM audit_log l
    WHERE l.created_at >= COALESCE(sqlc.narg(since)::timestamptz, '-infinity')
      AND l.created_at < COALESCE(sqlc.narg(before)::timestamptz, 'infinity')
    ORDER BY l.created_at DESC, l.id DESC
    LIMIT sqlc.arg(max_rows)::int OFFSET sqlc.arg(row_offset)::int
)
SELECT v.* FROM page p JOIN audit_lines v ON v.id = p.id
ORDER BY p.created_at DESC, p.id DESC;

-- name: BOListAuditByAgent :many
-- One agent's lines: audit_log_agent_idx.
WITH page AS (
    SELECT l.id, l.created_at
    FROM audit_log l
    WHERE l.agent_id = sqlc.arg(agent_id)::bigint
      AND l.created_at >= COALESCE(sqlc.narg(since)::timestamptz, '-infinity')
      AND l.created_at < COALESCE(sqlc.narg(before)::timestamptz, 'infinity')
    ORDER BY l.created_at DESC, l.id DESC
    LIMIT sqlc.arg(max_rows)::int OFFSET sqlc.arg(row_offset)::int
)
SELECT v.* FROM page p JOIN audit_lines v ON v.id = p.id
ORDER BY p.created_at DESC, p.id DESC;

-- name: BOListAuditByAction :many
-- One action: audit_log_action_idx.
WITH page AS (
    SELECT l.id, l.created_at
    FROM audit_log l
    WHERE l.action = sqlc.arg(action)::text
      AND l.created_at >= COALESCE(sqlc.narg(since)::timestamptz, '-infinity')
      AND l.created_at < COALESCE(sqlc.narg(before)::timestamptz, 'infinity')
    ORDER BY l.created_at DESC, l.id DESC
    LIMIT sqlc.arg(max_rows)::int OFFSET sqlc.arg(row_offset)::int
)
SELECT v.* FROM page p JOIN audit_lines v ON v.id = p.id
ORDER BY p.created_at DESC, p.id DESC;

-- name: BOListAuditByAgentAction :many
-- One agent's lines of one action: audit_log_agent_action_idx.
WITH page AS (
    SELECT l.id, l.created_at
    FROM audit_log l
    WHERE l.agent_id = sqlc.arg(agent_id)::bigint
      AND l.action = sqlc.arg(action)::text
      AND l.created_at >= COALESCE(sqlc.narg(since)::timestamptz, '-infinity')
      AND l.created_at < COALESCE(sqlc.narg(before)::timestamptz, 'infinity')
    ORDER BY l.created_at DESC, l.id DESC
    LIMIT sqlc.arg(max_rows)::int OFFSET sqlc.arg(row_offset)::int
)
SELECT v.* FROM page p JOIN audit_lines v ON v.id = p.id
ORDER BY p.created_at DESC, p.id DESC;

-- name: BOListAuditAgents :many
-- The agents the log's filter offers.
SELECT id, prenom, nom FROM agents ORDER BY nom, prenom, id;
