-- name: CreateMessage :one
INSERT INTO messages (sender_service, subject, body, recipient_assmat_id, created_at)
VALUES (@sender_service, @subject, @body, sqlc.narg(recipient_assmat_id), @created_at)
RETURNING id;

-- name: CreatePersonalMessage :one
-- A personal message, and in the same statement what its notification needs:
-- the childminder's address (NULL when she has none) and name.
WITH m AS (
    INSERT INTO messages (sender_service, subject, body, recipient_assmat_id, created_at)
    VALUES (@sender_service, @subject, @body, @recipient_assmat_id::bigint, @created_at)
    RETURNING id, recipient_assmat_id
)
SELECT m.id, a.email, a.prenom, a.nom
FROM m JOIN assmats a ON a.id = m.recipient_assmat_id;

-- name: ListMessages :many
-- One page of a childminder's received messages: the general ones and her
-- own personal ones, with her state joined (a message without a state row
-- is unread and received; the list never creates one); the archived ones
-- are ListArchived's. total counts the whole view, before LIMIT. The text
-- columns sort by their folded form (case and accents ignored); the
-- recipient sorts by the label the page shows: "Tous les assistants
-- maternels" (a parameter) or her name, read here, so that the query needs
-- only her id (the session middleware prefetches it before it has her row).
--
-- The two halves are read apart, each through its own partial index (the
-- general messages, hers), then sorted: the total needs every row of the
-- view anyway. Written as one condition on the whole table, "general or
-- hers", PostgreSQL walked messages_created_idx from the newest for a page
-- after the first, believing the LIMIT would stop it early (a window
-- count does not let it): every message of the country, 300–400 ms a page
-- at L, 5.6 s from a cold cache.
WITH visible AS (
    SELECT m.id, m.created_at, m.sender_service, m.subject, false AS personal
    FROM messages m
    WHERE m.recipient_assmat_id IS NULL
    UNION ALL
    SELECT m.id, m.created_at, m.sender_service, m.subject, true AS personal
    FROM messages m
    WHERE m.recipient_assmat_id = @assmat_id::bigint
)
SELECT v.id, v.created_at, v.sender_service, v.subject,
       v.personal::bool AS personal,
       (s.read_at IS NOT NULL)::bool AS read,
       count(*) OVER () AS total
FROM visible v
LEFT JOIN message_states s ON s.message_id = v.id AND s.assmat_id = @assmat_id::bigint
WHERE s.archived_at IS NULL
ORDER BY
    CASE WHEN @sort::text = 'date' AND NOT @descending::bool THEN v.created_at END ASC,
    CASE WHEN @sort::text = 'date' AND @descending::bool THEN v.created_at END DESC,
    CASE WHEN @sort::text = 'sender' AND NOT @descending::bool THEN extranet_fold(v.sender_service) END ASC,
    CASE WHEN @sort::text = 'sender' AND @descending::bool THEN extranet_fold(v.sender_service) END DESC,
    CASE WHEN @sort::text = 'recipient' AND NOT @descending::bool THEN
        extranet_fold(CASE WHEN NOT v.personal THEN @general_label::text
             ELSE (SELECT a.prenom || ' ' || a.nom FROM assmats a WHERE a.id = @assmat_id::bigint) END) END ASC,
    CASE WHEN @sort::text = 'recipient' AND @descending::bool THEN
        extranet_fold(CASE WHEN NOT v.personal THEN @general_label::text
             ELSE (SELECT a.prenom || ' ' || a.nom FROM assmats a WHERE a.id = @assmat_id::bigint) END) END DESC,
    CASE WHEN @sort::text = 'subject' AND NOT @descending::bool THEN extranet_fold(v.subject) END ASC,
    CASE WHEN @sort::text = 'subject' AND @descending::bool THEN extranet_fold(v.subject) END DESC,
    v.created_at DESC, v.id DESC
LIMIT @row_limit::int OFFSET @row_offset::int;

-- name: ListArchived :many
-- ListMessages for the archived box: her archived states lead (a few,
-- found by message_states' primary key), each joined to its message, which
-- must be general or hers; the same columns and sorts.
SELECT v.id, v.created_at, v.sender_service, v.subject,
       v.personal::bool AS personal,
       (v.read_at IS NOT NULL)::bool AS read,
       count(*) OVER () AS total
FROM (
    SELECT m.id, m.created_at, m.sender_service, m.subject, (m.recipient_assmat_id IS NOT NULL) AS personal, s.read_at
    FROM message_states s
    JOIN messages m ON m.id = s.message_id
    WHERE s.assmat_id = @assmat_id::bigint AND s.archived_at IS NOT NULL
      AND (m.recipient_assmat_id IS NULL OR m.recipient_assmat_id = @assmat_id::bigint)
) v
ORDER BY
    CASE WHEN @sort::text = 'date' AND NOT @descending::bool THEN v.created_at END ASC,
    CASE WHEN @sort::text = 'date' AND @descending::bool THEN v.created_at END DESC,
    CASE WHEN @sort::text = 'sender' AND NOT @descending::bool THEN extranet_fold(v.sender_service) END ASC,
    CASE WHEN @sort::text = 'sender' AND @descending::bool THEN extranet_fold(v.sender_service) END DESC,
    CASE WHEN @sort::text = 'recipient' AND NOT @descending::bool THEN
        extranet_fold(CASE WHEN NOT v.personal THEN @general_label::text
             ELSE (SELECT a.prenom || ' ' || a.nom FROM assmats a WHERE a.id = @assmat_id::bigint) END) END ASC,
    CASE WHEN @sort::text = 'recipient' AND @descending::bool THEN
        extranet_fold(CASE WHEN NOT v.personal THEN @general_label::text
             ELSE (SELECT a.prenom || ' ' || a.nom FROM assmats a WHERE a.id = @assmat_id::bigint) END) END DESC,
    CASE WHEN @sort::text = 'subject' AND NOT @descending::bool THEN extranet_fold(v.subject) END ASC,
    CASE WHEN @sort::text = 'subject' AND @descending::bool THEN extranet_fold(v.subject) END DESC,
    v.created_at DESC, v.id DESC
LIMIT @row_limit::int OFFSET @row_offset::int;

-- name: SearchMessages :many
-- ListMessages restricted to the messages whose subject or body holds the
-- pattern, case and accents ignored: search_text is the message folded
-- when written (migration 0007). The general messages are searched through
-- their own trigram index (messages_general_text_idx), her own few personal
-- ones directly: the whole table's index held a million personal
-- messages at L, and a common word matched tens of thousands of them
-- before hers were kept. A query of its own rather than an "OR @pattern =
-- ''" in ListMessages: a generic plan could not use the index through that
-- OR. The caller sends what the visitor typed: the pattern
-- (extranet_like_contains, migration 0012) is folded, then its wildcards
-- escaped, in a scalar subquery, which PostgreSQL computes once per
-- execution: once a connection has run the statement five times,
-- PostgreSQL keeps its generic plan, where a bare call was computed again
-- for every candidate row (436 for "formation" at L: 0.9 to 1.5 ms against
-- 0.55 ms, and a cost growing with the data).
WITH found AS (
    SELECT m.id, m.created_at, m.sender_service, m.subject, m.recipient_assmat_id
    FROM messages m
    WHERE m.recipient_assmat_id IS NULL
      AND m.search_text LIKE (SELECT extranet_like_contains(@pattern::text))
    UNION ALL
    SELECT m.id, m.created_at, m.sender_service, m.subject, m.recipient_assmat_id
    FROM messages m
    WHERE m.recipient_assmat_id = @assmat_id::bigint
      AND m.search_text LIKE (SELECT extranet_like_contains(@pattern::text))
)
SELECT m.id, m.created_at, m.sender_service, m.subject,
       (m.recipient_assmat_id IS NOT NULL)::bool AS personal,
       (s.read_at IS NOT NULL)::bool AS read,
       count(*) OVER () AS total
FROM found m
LEFT JOIN message_states s ON s.message_id = m.id AND s.assmat_id = @assmat_id::bigint
WHERE (s.archived_at IS NOT NULL) = @archived::bool
ORDER BY
    CASE WHEN @sort::text = 'date' AND NOT @descending::bool THEN m.created_at END ASC,
    CASE WHEN @sort::text = 'date' AND @descending::bool THEN m.created_at END DESC,
    CASE WHEN @sort::text = 'sender' AND NOT @descending::bool THEN extranet_fold(m.sender_service) END ASC,
    CASE WHEN @sort::text = 'sender' AND @descending::bool THEN extranet_fold(m.sender_service) END DESC,
    CASE WHEN @sort::text = 'recipient' AND NOT @descending::bool THEN
        extranet_fold(CASE WHEN m.recipient_assmat_id IS NULL THEN @general_label::text
             ELSE (SELECT a.prenom || ' ' || a.nom FROM assmats a WHERE a.id = @assmat_id::bigint) END) END ASC,
    CASE WHEN @sort::text = 'recipient' AND @descending::bool THEN
        extranet_fold(CASE WHEN m.recipient_assmat_id IS NULL THEN @general_label::text
             ELSE (SELECT a.prenom || ' ' || a.nom FROM assmats a WHERE a.id = @assmat_id::bigint) END) END DESC,
    CASE WHEN @sort::text = 'subject' AND NOT @descending::bool THEN extranet_fold(m.subject) END ASC,
    CASE WHEN @sort::text = 'subject' AND @descending::bool THEN extranet_fold(m.subject) END DESC,
    m.created_at DESC, m.id DESC
LIMIT @row_limit::int OFFSET @row_offset::int;

-- name: SearchMessagesNewest :many
-- SearchMessages for what a search shows unless she sorts it otherwise:
-- newest first, in either box, any page. Without the sort's parameters the
-- generic plan costs what a custom one does, so PostgreSQL keeps it; with
-- them it judged the generic plan dearer at L and planned SearchMessages
-- again on every search (0.2 to 0.4 ms of planning for 0.7 ms of execution).
WITH found AS (
    SELECT m.id, m.created_at, m.sender_service, m.subject, m.recipient_assmat_id
    FROM messages m
    WHERE m.recipient_assmat_id IS NULL
      AND m.search_text LIKE (SELECT extranet_like_contains(@pattern::text))
    UNION ALL
    SELECT m.id, m.created_at, m.sender_service, m.subject, m.recipient_assmat_id
    FROM messages m
    WHERE m.recipient_assmat_id = @assmat_id::bigint
      AND m.search_text LIKE (SELECT extranet_like_contains(@pattern::text))
)
SELECT m.id, m.created_at, m.sender_service, m.subject,
       (m.recipient_assmat_id IS NOT NULL)::bool AS personal,
       (s.read_at IS NOT NULL)::bool AS read,
       count(*) OVER () AS total
FROM found m
LEFT JOIN message_states s ON s.message_id = m.id AND s.assmat_id = @assmat_id::bigint
WHERE (s.archived_at IS NOT NULL) = @archived::bool
ORDER BY m.created_at DESC, m.id DESC
LIMIT @row_limit::int OFFSET @row_offset::int;

-- name: ListReceivedFirstPage :many
-- ListMessages for what most visits ask for: the first page of the received
-- messages, newest first. Each half (the general messages, hers) reads its
-- index from the top until the page is full, skipping the archived ones,
-- instead of reading and sorting every message she may see (5,000 at L).
-- The page's 20 (messages.PageSize) is written in: with parameters,
-- PostgreSQL judged the generic plan dearer and planned the statement again
-- on every page (0.34 ms of planning for 0.09 ms of execution at L). The
-- later pages are ListReceivedNewest's, other sorts ListMessages'. The
-- total is counted as the menu counts: general (message_counts) + hers -
-- archived. Her state of each message is looked up by its key, as
-- DashboardMessages does (see there).
WITH latest AS (
    (SELECT m.id, m.created_at, m.sender_service, m.subject, false AS personal
     FROM messages m
     WHERE m.recipient_assmat_id IS NULL
       -- her state looked up by its key, message by message (see DashboardMessages)
       AND (SELECT s.archived_at FROM message_states s
            WHERE s.assmat_id = @assmat_id::bigint AND s.message_id = m.id) IS NULL
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT 20)
    UNION ALL
    (SELECT m.id, m.created_at, m.sender_service, m.subject, true AS personal
     FROM messages m
     WHERE m.recipient_assmat_id = @assmat_id::bigint
       -- her state looked up by its key, message by message (see DashboardMessages)
       AND (SELECT s.archived_at FROM message_states s
            WHERE s.assmat_id = @assmat_id::bigint AND s.message_id = m.id) IS NULL
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT 20)
)
SELECT l.id, l.created_at, l.sender_service, l.subject, l.personal::bool AS personal,
       ((SELECT s.read_at FROM message_states s
         WHERE s.assmat_id = @assmat_id::bigint AND s.message_id = l.id) IS NOT NULL)::bool AS read,
       (COALESCE((SELECT c.general FROM message_counts c), 0)
        + (SELECT count(*) FROM messages m WHERE m.recipient_assmat_id = @assmat_id::bigint)
        -- (a state row exists only for a message she may see: see migration 0011)
        - (SELECT count(*) FROM message_states st
           WHERE st.assmat_id = @assmat_id::bigint AND st.archived_at IS NOT NULL))::bigint AS total
FROM latest l
ORDER BY l.created_at DESC, l.id DESC
LIMIT 20;

-- name: ListReceivedNewest :many
-- ListReceivedFirstPage for the pages after the first (paging through the
-- received messages, newest first): each half reads its index from the top
-- until the pages up to this one are full, then the page is cut from their
-- merge; a page p reads at most 2 × 20 × p rows, where ListMessages reads
-- every message she may see (5,000 at L: 8 ms). The offset is a parameter:
-- PostgreSQL plans some pages for their offset (about 0.3 ms) and runs a
-- generic plan for others (5 of 10 in a review's session); both look her
-- states up by key (TestAHeavyReadersPagesLookHerStatesUp). The first page,
-- the busiest, keeps its 20 written in.
WITH latest AS (
    (SELECT m.id, m.created_at, m.sender_service, m.subject, false AS personal
     FROM messages m
     WHERE m.recipient_assmat_id IS NULL
       -- her state looked up by its key, message by message (see DashboardMessages)
       AND (SELECT s.archived_at FROM message_states s
            WHERE s.assmat_id = @assmat_id::bigint AND s.message_id = m.id) IS NULL
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT 20 + @row_offset::int)
    UNION ALL
    (SELECT m.id, m.created_at, m.sender_service, m.subject, true AS personal
     FROM messages m
     WHERE m.recipient_assmat_id = @assmat_id::bigint
       -- her state looked up by its key, message by message (see DashboardMessages)
       AND (SELECT s.archived_at FROM message_states s
            WHERE s.assmat_id = @assmat_id::bigint AND s.message_id = m.id) IS NULL
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT 20 + @row_offset::int)
)
SELECT l.id, l.created_at, l.sender_service, l.subject, l.personal::bool AS personal,
       ((SELECT s.read_at FROM message_states s
         WHERE s.assmat_id = @assmat_id::bigint AND s.message_id = l.id) IS NOT NULL)::bool AS read,
       (COALESCE((SELECT c.general FROM message_counts c), 0)
        + (SELECT count(*) FROM messages m WHERE m.recipient_assmat_id = @assmat_id::bigint)
        -- (a state row exists only for a message she may see: see migration 0011)
        - (SELECT count(*) FROM message_states st
           WHERE st.assmat_id = @assmat_id::bigint AND st.archived_at IS NOT NULL))::bigint AS total
FROM latest l
ORDER BY l.created_at DESC, l.id DESC
LIMIT 20 OFFSET @row_offset::int;

-- name: GetMessage :one
-- One message the childminder may see (a general one, or a personal one of
-- hers), with her state; no row for any other message. It only reads: the
-- session middleware prefetches it (issue 12), and the page marks the
-- message read afterwards, the first time only (MarkMessageRead).
SELECT m.id, m.created_at, m.sender_service, m.subject, m.body,
       (m.recipient_assmat_id IS NOT NULL)::bool AS personal,
       (s.read_at IS NOT NULL)::bool AS was_read,
       (s.archived_at IS NOT NULL)::bool AS archived
FROM messages m
LEFT JOIN message_states s ON s.message_id = m.id AND s.assmat_id = @assmat_id::bigint
WHERE m.id = @id::bigint
  AND (m.recipient_assmat_id IS NULL OR m.recipient_assmat_id = @assmat_id::bigint);

-- name: MarkMessageRead :exec
-- Records that she has read a message she may see, the first time only
-- (the first reading's time is kept): when she opens an unread one, and for
-- the demo data.
INSERT INTO message_states (assmat_id, message_id, read_at)
SELECT @assmat_id::bigint, m.id, @now::timestamptz FROM messages m
WHERE m.id = @id::bigint AND (m.recipient_assmat_id IS NULL OR m.recipient_assmat_id = @assmat_id::bigint)
ON CONFLICT (assmat_id, message_id) DO UPDATE SET read_at = EXCLUDED.read_at
    WHERE message_states.read_at IS NULL;

-- name: ArchiveMessage :one
-- Archives a message the childminder may see; found is 0 for any other (a
-- 404). An archived one stays as it is (no write); a general message gets
-- one state row for her, whatever the number of childminders.
WITH m AS (
    SELECT id FROM messages
    WHERE id = @id::bigint AND (recipient_assmat_id IS NULL OR recipient_assmat_id = @assmat_id::bigint)
), archived AS (
    INSERT INTO message_states (assmat_id, message_id, archived_at)
    SELECT @assmat_id::bigint, m.id, @now::timestamptz FROM m
    ON CONFLICT (assmat_id, message_id) DO UPDATE SET archived_at = EXCLUDED.archived_at
        WHERE message_states.archived_at IS NULL
    RETURNING message_id
)
SELECT count(*)::int AS found FROM m;

-- name: RestoreMessage :one
-- Brings an archived message back to the received ones; found is 0 for a
-- message she may not see (a 404). A message never archived has no state to
-- change: nothing is written.
WITH m AS (
    SELECT id FROM messages
    WHERE id = @id::bigint AND (recipient_assmat_id IS NULL OR recipient_assmat_id = @assmat_id::bigint)
), restored AS (
    UPDATE message_states s SET archived_at = NULL
    FROM m
    WHERE s.assmat_id = @assmat_id::bigint AND s.message_id = m.id AND s.archived_at IS NOT NULL
    RETURNING s.message_id
)
SELECT count(*)::int AS found FROM m;
