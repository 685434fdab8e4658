-- name: DashboardMessages :many
-- The latest received messages of the dashboard: general ones and her own
-- personal ones, not archived, newest first.
SELECT m.id, m.created_at, m.subject, (m.recipient_assmat_id IS NOT NULL)::bool AS personal,
       (s.read_at IS NOT NULL)::bool AS read
FROM messages m
LEFT JOIN message_states s ON s.message_id = m.id AND s.assmat_id = @assmat_id
WHERE (m.recipient_assmat_id IS NULL OR m.recipient_assmat_id = @assmat_id)
  AND s.archived_at IS NULL
ORDER BY m.created_at DESC, m.id DESC
LIMIT sqlc.arg(max_rows)::int;

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
