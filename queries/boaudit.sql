-- The back office's audit log page (issue 10).

-- name: BOListAudit :many
-- One page of the log, newest first, filtered by agent, action and a date
-- range (each filter optional). It reads one row more than a page, to know
-- whether a next page exists without counting the whole log; the filters
-- match audit_log_agent_idx, audit_log_action_idx and audit_log_created_idx
-- (migration 0004), each ordered by created_at DESC, so that a page stops
-- early instead of sorting the log.
SELECT l.id, l.created_at, l.action, l.target, l.details::text AS details,
       l.agent_id, COALESCE(a.prenom || ' ' || a.nom, '')::text AS agent_name
FROM audit_log l
LEFT JOIN agents a ON a.id = l.agent_id
WHERE (sqlc.narg(agent_id)::bigint IS NULL OR l.agent_id = sqlc.narg(agent_id)::bigint)
  AND (sqlc.narg(action)::text IS NULL OR l.action = sqlc.narg(action)::text)
  AND (sqlc.narg(since)::timestamptz IS NULL OR l.created_at >= sqlc.narg(since)::timestamptz)
  AND (sqlc.narg(before)::timestamptz IS NULL OR l.created_at < sqlc.narg(before)::timestamptz)
ORDER BY l.created_at DESC, l.id DESC
LIMIT @max_rows OFFSET @row_offset;

-- name: BOListAuditAgents :many
-- The agents the log's filter offers.
SELECT id, prenom, nom FROM agents ORDER BY nom, prenom, id;
