-- name: LockThrottles :many
-- Locks the counters of the keys until the transaction ends (creating the
-- missing ones at zero), and returns them: parallel attempts on one key queue
-- here, so that they are counted exactly as sequential ones. Keys are locked
-- in a fixed order, so that two attempts sharing keys cannot deadlock.
INSERT INTO login_throttle (key, failures, failures_day, day_started_at, last_failure_at, updated_at)
SELECT k, 0, 0, @now, @now, @now FROM unnest(@keys::text[]) AS k ORDER BY k
ON CONFLICT (key) DO UPDATE SET updated_at = login_throttle.updated_at
RETURNING key, failures, failures_day, day_started_at, last_failure_at;

-- name: RecordFailures :many
-- One more failure (or reserved attempt) for each key; the 24-hour count
-- restarts when its day began before day_cutoff (now - 24 h).
-- The consecutive count restarts with the 24-hour one: the free attempts are
-- a daily allowance, and a shared address's count does not only ever grow
-- with a typo now and then.
UPDATE login_throttle SET
    failures = CASE WHEN day_started_at <= @day_cutoff THEN 1 ELSE failures + 1 END,
    failures_day = CASE WHEN day_started_at <= @day_cutoff THEN 1 ELSE failures_day + 1 END,
    day_started_at = CASE WHEN day_started_at <= @day_cutoff THEN @now ELSE day_started_at END,
    last_failure_at = @now,
    updated_at = @now
WHERE key = ANY(@keys::text[])
RETURNING key, failures, failures_day, day_started_at, last_failure_at;

-- name: SettleSuccess :exec
-- A reserved attempt succeeded: it is given back to every key, and the keys of
-- the account that proved itself (reset) also forget their consecutive
-- failures. Rows are locked in key order, as LockThrottles does, so that the
-- two cannot deadlock.
WITH locked AS (
    SELECT key FROM login_throttle
    WHERE key = ANY(@reset::text[]) OR key = ANY(@refund::text[])
    ORDER BY key FOR UPDATE
)
UPDATE login_throttle t SET
    failures = CASE WHEN t.key = ANY(@reset::text[]) THEN 0 ELSE GREATEST(t.failures - 1, 0) END,
    failures_day = GREATEST(t.failures_day - 1, 0),
    updated_at = @now
FROM locked WHERE t.key = locked.key;

-- name: ClearThrottles :exec
-- Lifts every lock of the keys: their owner proved herself another way.
-- Rows are locked in key order, as LockThrottles does.
DELETE FROM login_throttle t
USING (SELECT key FROM login_throttle WHERE key = ANY(@keys::text[]) ORDER BY key FOR UPDATE) locked
WHERE t.key = locked.key;

-- name: DropUnusedThrottles :exec
-- A refused attempt counts nothing: the rows LockThrottles created for it at
-- zero are dropped, so that attempts refused by one key (a locked address
-- trying fresh identifiers) do not fill the table.
DELETE FROM login_throttle WHERE key = ANY(@keys::text[]) AND failures = 0 AND failures_day = 0;

-- name: GetThrottles :many
SELECT key, failures, failures_day, day_started_at, last_failure_at
FROM login_throttle
WHERE key = ANY(@keys::text[]);
