-- name: GetThrottles :many
SELECT key, failures, failures_day, day_started_at, last_failure_at
FROM login_throttle
WHERE key = ANY(@keys::text[]);

-- name: RecordFailures :exec
-- One more failure for each key; the 24-hour count restarts when its day began before day_cutoff (now - 24 h).
INSERT INTO login_throttle (key, failures, failures_day, day_started_at, last_failure_at, updated_at)
SELECT k, 1, 1, @now, @now, @now FROM unnest(@keys::text[]) AS k
ON CONFLICT (key) DO UPDATE SET
    failures = login_throttle.failures + 1,
    failures_day = CASE WHEN login_throttle.day_started_at <= @day_cutoff
                        THEN 1 ELSE login_throttle.failures_day + 1 END,
    day_started_at = CASE WHEN login_throttle.day_started_at <= @day_cutoff
                          THEN @now ELSE login_throttle.day_started_at END,
    last_failure_at = @now,
    updated_at = @now;

-- name: ResetFailures :exec
-- A success clears the consecutive failures; the 24-hour count stays.
UPDATE login_throttle SET failures = 0, updated_at = @now
WHERE key = ANY(@keys::text[]) AND failures > 0;
