-- name: DashboardMessages :many
-- The latest received messages of the dashboard: general ones and her own
-- personal ones, not archived, newest first. Each half reads its index from
-- the top and stops when it has enough: never all the general messages
-- (5,000 at L) to sort them. The 5 is written in: with a parameter,
-- PostgreSQL judged the generic plan dearer and planned the statement again
-- on every dashboard (0.33 ms of planning for 0.06 ms of execution).
-- Her state of each message (archived? read?) is a scalar subquery, looked
-- up by message_states' key for each message: as a join, a generic plan
-- expecting about fifteen states per childminder compared each message with
-- all of hers, and a childminder who opens every message has thousands
-- (TestAHeavyReadersPagesLookHerStatesUp).
WITH latest AS (
    (SELECT m.id, m.created_at, m.subject, false AS personal
     FROM messages m
     WHERE m.recipient_assmat_id IS NULL
       -- her state looked up by its key, message by message (see above)
       AND (SELECT s.archived_at FROM message_states s
            WHERE s.assmat_id = @assmat_id AND s.message_id = m.id) IS NULL
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT 5)
    UNION ALL
    (SELECT m.id, m.created_at, m.subject, true AS personal
     FROM messages m
     WHERE m.recipient_assmat_id = @assmat_id
       -- her state looked up by its key, message by message (see above)
       AND (SELECT s.archived_at FROM message_states s
            WHERE s.assmat_id = @assmat_id AND s.message_id = m.id) IS NULL
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT 5)
)
SELECT l.id, l.created_at, l.subject, l.personal::bool AS personal,
       ((SELECT s.read_at FROM message_states s WHERE s.assmat_id = @assmat_id AND s.message_id = l.id) IS NOT NULL)::bool AS read
FROM latest l
ORDER BY l.created_at DESC, l.id DESC
LIMIT 5;

-- name: DashboardChildren :many
-- The first current children of the dashboard, and how many she has in all.
-- "Current" is Current() of app/children: a period without an end, or
-- ending today or later.
SELECT c.id, c.nom, c.prenom, (count(*) OVER ())::int AS total
FROM children c
WHERE c.assmat_id = @assmat_id
  AND EXISTS (SELECT 1 FROM care_periods p
              WHERE p.child_id = c.id AND (p.end_date IS NULL OR p.end_date >= @today::date))
ORDER BY c.nom, c.prenom, c.id
LIMIT sqlc.arg(max_rows)::int;
