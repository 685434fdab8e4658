-- name: GetAssmatByLogin :one
-- Credentials for the login form (password_changed_at: trusted-device cookies
-- are valid for one password only).
SELECT id, login, password_hash, must_change_password, password_changed_at
FROM assmats
WHERE login = @login;

-- name: GetAssmat :one
-- The signed-in childminder and her session's times, loaded once per
-- request by the session middleware in one statement. When no session of
-- that user has that key, the one-time filter calls no_session(), which
-- raises (migration 0011) before any row is read, and PostgreSQL skips the
-- page's reads queued after this statement (app/session): a cookie naming
-- another user, or no one, opens nothing and costs two index probes. With a
-- session no function runs: 0009's session_row, a function in FROM, cost a
-- sixth of the statement on every page.
--
-- With the number of her unread received messages for the menu
-- ("MESSAGES (2)"), so that no page pays a round trip for it: every message
-- she may see (the general ones, counted in message_counts, and hers) less
-- those she read or archived, both kept in assmat_message_counts by
-- triggers (migration 0011). Counting them here made this statement cost
-- three times a plain lookup, on every page.
SELECT a.id, a.login, a.civilite, a.nom, a.prenom, a.date_naissance, a.situation_familiale,
       a.adresse, a.code_postal, a.commune, a.email, a.must_change_password, a.password_changed_at,
       s.login_at::timestamptz AS session_login_at, s.seen_at::timestamptz AS session_seen_at,
       (COALESCE((SELECT c.general FROM message_counts c), 0)
        + COALESCE(k.personal, 0) - COALESCE(k.seen, 0))::int AS unread_messages
FROM sessions s
JOIN assmats a ON a.id = s.user_id
LEFT JOIN assmat_message_counts k ON k.assmat_id = a.id
WHERE s.k = sqlc.arg(session_key)::bytea AND s.user_id = sqlc.arg(id)::bigint
  AND (SELECT CASE WHEN EXISTS (SELECT 1 FROM sessions x
                                WHERE x.k = sqlc.arg(session_key)::bytea AND x.user_id = sqlc.arg(id)::bigint)
                   THEN true ELSE no_session() END);

-- name: CreateAssmat :one
INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, situation_familiale,
                     adresse, code_postal, commune, email, password_hash, must_change_password)
VALUES (@login, @civilite, @nom, @prenom, @date_naissance, @situation_familiale,
        @adresse, @code_postal, @commune, sqlc.narg(email), sqlc.narg(password_hash), @must_change_password)
RETURNING id;
