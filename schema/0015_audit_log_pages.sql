-- +goose Up
-- The back office's journal (queries/boaudit.sql) runs one statement per
-- set of filters, each served by the index made for it, and pages by ids.
--
-- Why one statement per filter. A single statement written
-- "($1 IS NULL OR agent_id = $1)" has one generic plan for every filter:
-- PostgreSQL's, once a connection has run it five times, walks
-- audit_log_created_idx and filters, which for a rare action or an agent's
-- old lines read the log backwards (70 ms at a million lines, an outside
-- review). A statement per filter always has its index in its plan.
--
-- Why id in every index. A page is the log's order (created_at DESC,
-- id DESC) from an OFFSET: each index now holds that whole order, so the
-- page's ids come from an index-only scan (the log is append-only: its
-- pages stay all-visible) and only the page's 51 lines are read from the
-- table. The deepest page a URL may ask (httpx.MaxPage) walks 500,000
-- index entries: 44 ms, against 285 ms with the lines read and joined
-- before the OFFSET.
DROP INDEX audit_log_created_idx;
DROP INDEX audit_log_agent_idx;
DROP INDEX audit_log_action_idx;
CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC, id DESC);
CREATE INDEX audit_log_agent_idx ON audit_log (agent_id, created_at DESC, id DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, created_at DESC, id DESC);
-- An agent's lines of one action: neither index above finds them without
-- walking the other filter's lines.
CREATE INDEX audit_log_agent_action_idx ON audit_log (agent_id, action, created_at DESC, id DESC);

-- A line as the journal shows it: the statements pick a page's ids, then
-- read the page's lines through this view.
CREATE VIEW audit_lines AS
SELECT l.id, l.created_at, l.action, l.target, l.details::text AS details,
       l.agent_id, COALESCE(a.prenom || ' ' || a.nom, '')::text AS agent_name
FROM audit_log l
LEFT JOIN agents a ON a.id = l.agent_id;

-- +goose Down
DROP VIEW audit_lines;
DROP INDEX audit_log_agent_action_idx;
DROP INDEX audit_log_action_idx;
DROP INDEX audit_log_agent_idx;
DROP INDEX audit_log_created_idx;
CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC);
CREATE INDEX audit_log_agent_idx ON audit_log (agent_id, created_at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, created_at DESC);
