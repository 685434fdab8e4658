-- +goose NO TRANSACTION
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
-- page's ids come from an index-only scan and only the page's 51 lines are
-- read from the table. The deepest page a URL may ask (httpx.MaxPage) walks
-- 500,000 index entries: 26 to 44 ms at a million lines, against 285 ms
-- with the lines read and joined before the OFFSET. (Index-only as far as
-- VACUUM has marked the log's pages all-visible: autovacuum does so for an
-- append-only table every 20 % of new rows; the lines since are checked in
-- the table, 57 ms for the deepest page with 150,000 of them.)
--
-- Why concurrently, outside a transaction. Dropping an index locks its
-- table against reads and writes until the transaction ends: rebuilding the
-- four in one transaction stopped every agent's action (each writes a line)
-- for 2 s per million lines, an outside review measured. Built
-- concurrently under a new name, then swapped (a rename takes a light
-- lock), the log stays open. An interrupted build leaves an invalid
-- "_new" index that IF NOT EXISTS would keep: drop it, then run again.
CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_log_created_new ON audit_log (created_at DESC, id DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_log_agent_new ON audit_log (agent_id, created_at DESC, id DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_log_action_new ON audit_log (action, created_at DESC, id DESC);
-- An agent's lines of one action: neither index above finds them without
-- walking the other filter's lines.
CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_log_agent_action_idx ON audit_log (agent_id, action, created_at DESC, id DESC);
DROP INDEX CONCURRENTLY IF EXISTS audit_log_created_idx;
DROP INDEX CONCURRENTLY IF EXISTS audit_log_agent_idx;
DROP INDEX CONCURRENTLY IF EXISTS audit_log_action_idx;
ALTER INDEX audit_log_created_new RENAME TO audit_log_created_idx;
ALTER INDEX audit_log_agent_new RENAME TO audit_log_agent_idx;
ALTER INDEX audit_log_action_new RENAME TO audit_log_action_idx;

-- A line as the journal shows it: the statements pick a page's ids, then
-- read the page's lines through this view.
CREATE OR REPLACE VIEW audit_lines AS
SELECT l.id, l.created_at, l.action, l.target, l.details::text AS details,
       l.agent_id, COALESCE(a.prenom || ' ' || a.nom, '')::text AS agent_name
FROM audit_log l
LEFT JOIN agents a ON a.id = l.agent_id;

-- +goose Down
DROP VIEW IF EXISTS audit_lines;
CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_log_created_old ON audit_log (created_at DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_log_agent_old ON audit_log (agent_id, created_at DESC);
CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_log_action_old ON audit_log (action, created_at DESC);
DROP INDEX CONCURRENTLY IF EXISTS audit_log_agent_action_idx;
DROP INDEX CONCURRENTLY IF EXISTS audit_log_created_idx;
DROP INDEX CONCURRENTLY IF EXISTS audit_log_agent_idx;
DROP INDEX CONCURRENTLY IF EXISTS audit_log_action_idx;
ALTER INDEX audit_log_created_old RENAME TO audit_log_created_idx;
ALTER INDEX audit_log_agent_old RENAME TO audit_log_agent_idx;
ALTER INDEX audit_log_action_old RENAME TO audit_log_action_idx;
