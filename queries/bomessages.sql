-- The back office's messages (issue 10): the childminder picked for a
-- personal message, and the list of sent messages with their read counts.

-- name: BOSearchRecipients :many
-- Childminders whose name, identifier or commune holds the typed text,
-- insensitive to case and accents: search_text is them folded when written
-- (migration 0010), served by its trigram index. The caller sends what the
-- agent typed, with 3 letters or digits in a row (form.Indexable); the
-- pattern is folded and escaped once, in a scalar subquery (see
-- BoSearchAssmats). At most max_matches are read, then sorted: sorting every
-- match of a common name took 14 ms ("martin") to 35 ms ("mar") at L, for a
-- list that past max_rows asks to refine anyway. The caller asks one more
-- than it shows: more says "refine".
WITH matches AS (
    SELECT id, login, nom, prenom, commune
    FROM assmats
    WHERE search_text LIKE (SELECT extranet_like_contains(@pattern::text))
      -- No trigram, no scan (see BoSearchAssmats).
      AND (SELECT extranet_fold(@pattern::text) ~ '[[:alnum:]]{3}')
    LIMIT sqlc.arg(max_matches)::int
)
SELECT id, login, nom, prenom, commune
FROM matches
ORDER BY nom, prenom, login
LIMIT sqlc.arg(max_rows)::int;

-- name: BOGetRecipient :one
-- The childminder a personal message goes to, as the form shows her.
SELECT id, login, nom, prenom, commune
FROM assmats
WHERE id = @id;

-- name: BOListSentMessages :many
-- One page of the département's messages, newest first, each with how many
-- childminders have read it, and the number of active childminders (a
-- general message's recipients: accounts with a password) and of messages,
-- both kept by triggers (migration 0008): one statement.
--
-- The page's ids come alone from an index-only scan of messages_created_idx,
-- whose order is the page's: a deep page skips index entries, not messages.
-- The deepest page a URL may ask (httpx.MaxPage) skips 200,000 at L: 9 ms,
-- against 66 ms reading each message it skipped. Then each of the page's
-- messages, its recipient and its reads are looked up by key (LATERAL ...
-- OFFSET 0 keeps them lookups): a generic plan, which cannot know the LIMIT,
-- guesses a tenth of the table and would otherwise hash-join every message
-- and every childminder. A message's reads are kept in message_read_counts
-- (migration 0016): counting them grew with its readers.
WITH ids AS (
    SELECT m.id, m.created_at
    FROM messages m
    ORDER BY m.created_at DESC, m.id DESC
    LIMIT @page_size OFFSET @page_offset
)
SELECT m.id, m.created_at, m.sender_service, m.subject,
       (m.recipient_assmat_id IS NOT NULL)::bool AS personal,
       COALESCE(a.login, '')::text AS recipient_login,
       COALESCE(a.prenom || ' ' || a.nom, '')::text AS recipient_name,
       COALESCE((SELECT r.n FROM message_read_counts r WHERE r.message_id = m.id), 0)::bigint AS read_count,
       COALESCE((SELECT c.active FROM assmat_counts c), 0)::bigint AS active_count,
       COALESCE((SELECT c.total FROM message_counts c), 0)::bigint AS total
FROM ids
CROSS JOIN LATERAL (
    SELECT m.id, m.created_at, m.sender_service, m.subject, m.recipient_assmat_id
    FROM messages m WHERE m.id = ids.id OFFSET 0
) m
LEFT JOIN LATERAL (
    SELECT a.login, a.prenom, a.nom FROM assmats a WHERE a.id = m.recipient_assmat_id OFFSET 0
) a ON true
ORDER BY ids.created_at DESC, ids.id DESC;

-- name: BOMarkMessageSender :exec
-- Who sent a message from the back office (messages.sent_by_agent_id).
UPDATE messages SET sent_by_agent_id = @agent_id WHERE id = @id;
