-- name: GetAssmatByLogin :one
-- Credentials for the login form (password_changed_at: trusted-device cookies
-- are valid for one password only).
SELECT id, login, password_hash, must_change_password, password_changed_at
FROM assmats
WHERE login = @login;

-- name: GetAssmat :one
-- The signed-in childminder and her session's times, loaded once per
-- request by the session middleware in one statement: session_row
-- (migration 0009) raises when the session does not exist, which also
-- skips the page's reads queued after it (app/session). With the number of
-- her unread received messages for the menu ("MESSAGES (2)"): no page pays a
-- round trip of its own for it. A message without a state row
-- (message_states is written lazily) is unread.
SELECT a.id, a.login, a.civilite, a.nom, a.prenom, a.date_naissance, a.situation_familiale,
       a.adresse, a.code_postal, a.commune, a.email, a.must_change_password, a.password_changed_at,
       s.login_at::timestamptz AS session_login_at, s.seen_at::timestamptz AS session_seen_at,
       -- Every message she may see, less those she read or archived.
       -- Joining each general message to her state was 14 ms a request
       -- with 5,000 general messages; counting them was still 5,000 index
       -- entries: their number is kept in message_counts (migration 0006).
       -- Her states are counted without looking at their messages: a state
       -- row exists only for a message she may see (every statement that
       -- writes one checks it: MarkMessageRead, ArchiveMessage, the bench
       -- data), and checking again read the million-row messages table once
       -- per state on every request at L.
       (COALESCE((SELECT c.general FROM message_counts c), 0)
        + (SELECT count(*) FROM messages m WHERE m.recipient_assmat_id = a.id)
        - (SELECT count(*) FROM message_states s
            WHERE s.assmat_id = a.id AND (s.read_at IS NOT NULL OR s.archived_at IS NOT NULL)))::int AS unread_messages
FROM session_row(sqlc.arg(session_key)::bytea, sqlc.arg(id)::bigint) s
JOIN assmats a ON a.id = sqlc.arg(id)::bigint;

-- name: CreateAssmat :one
INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, situation_familiale,
                     adresse, code_postal, commune, email, password_hash, must_change_password)
VALUES (@login, @civilite, @nom, @prenom, @date_naissance, @situation_familiale,
        @adresse, @code_postal, @commune, sqlc.narg(email), sqlc.narg(password_hash), @must_change_password)
RETURNING id;
