-- The back office's childminders (issue 10): the search, a childminder's
-- page, and her account's actions. Queries of app/boassmats only.

-- name: BoSearchAssmats :many
-- Childminders whose name, first name, identifier or commune holds the
-- pattern, case and accents ignored: search_text is them folded when written
-- (migration 0010), served by its trigram index (230,000 childminders
-- nationally: no sequential scan). The caller sends what the agent typed,
-- with 3 letters or digits in a row (form.Indexable; a pattern without a
-- trigram would read the index whole: see BoFindAssmatByLogin). At most
-- max_matches are read (the caller asks one more than it shows: more says
-- "refine"): a common name matched thousands of childminders at L, each
-- checked and sorted on every page, 12 times the time of a département's.
--
-- Too many, told cheaply (migration 0018). Before the trigram index, the
-- childminders whose name, first name or commune starts with the pattern are
-- counted through three btree ranges, each stopping at max_matches (the
-- first name's and the commune's are read only while fewer have been
-- found). Such a start is a match: search_text folds the four columns
-- joined by spaces, no rule of unaccent spans a space, so the folded first
-- name or commune is a piece of search_text, and the name begins it (the
-- columns are NOT NULL: a NULL would make search_text NULL, not its piece). When they reach max_matches, the statement answers one row
-- whose total says so, and nothing else (the page lists none past the
-- bound): at L a common name's search read a trigram bitmap of thousands of
-- childminders ("martin" 8,962: 2.4 ms), it now reads 201 index entries
-- (0.23 ms with the round trip). Otherwise the trigram index serves the
-- search as before, after ranges that fell short: 60 to 90 µs more a
-- search in a département, where few names reach the bound.
--
-- The pattern (extranet_like_contains, migration 0012: folded, then its
-- wildcards escaped) and the range's bounds are computed once, in typed:
-- a bare call was computed for every candidate row in a generic plan.
-- Hidden from the planner, the pattern no longer tempts it into reading the
-- table in order until 201 match, which it did at L for a pattern it judged
-- common: cheaper then ("mar" 1.0 ms against 5.0 through the index), but a
-- whole table's read (230,000 rows) when the guess is wrong. The indexes
-- are always used; the trigram one's worst case is a bitmap of one common
-- trigram that starts no name, first name or commune ("tin": 2.6 ms at L).
-- A pattern with none reads nothing: see indexable.
WITH typed AS MATERIALIZED (
    SELECT f AS lo,
           -- the strings that start with f sort (COLLATE "C", bytes) from f
           -- to f followed by the last Unicode character (one with that very
           -- character after f is missed: the trigram index finds her)
           f || chr(1114111) AS hi,
           extranet_like_contains(sqlc.arg(pattern)::text) AS pattern,
           -- A pattern without 3 letters or digits in a row once folded (the
           -- modifier letters of "ʼʼʼ" fold to apostrophes) gives pg_trgm no
           -- trigram: GIN would read its whole index, and every row be
           -- checked. form.Indexable keeps most of them out in Go; this
           -- one-time filter, judged by the database's own rules, stops the
           -- rest before any index is read.
           f ~ '[[:alnum:]]{3}' AS indexable
    FROM (SELECT extranet_fold(sqlc.arg(pattern)::text) AS f) folded
), name_starts AS (
    -- ordered by the index, so that PostgreSQL walks it and stops at the
    -- LIMIT rather than gather the whole range first
    SELECT a.id FROM assmats a
    WHERE left(a.search_text, 64) COLLATE "C" >= (SELECT lo FROM typed)
      AND left(a.search_text, 64) COLLATE "C" < (SELECT hi FROM typed)
      AND (SELECT indexable FROM typed)
    ORDER BY left(a.search_text, 64) COLLATE "C"
    LIMIT sqlc.arg(max_matches)::int
), prenom_starts AS (
    -- (not ordered: the order would fold each row's first name again)
    SELECT a.id FROM assmats a
    WHERE left(extranet_fold(a.prenom), 64) COLLATE "C" >= (SELECT lo FROM typed)
      AND left(extranet_fold(a.prenom), 64) COLLATE "C" < (SELECT hi FROM typed)
      AND (SELECT indexable FROM typed)
      AND (SELECT count(*) FROM name_starts) < sqlc.arg(max_matches)::int
    LIMIT sqlc.arg(max_matches)::int
), commune_starts AS (
    SELECT a.id FROM assmats a
    WHERE left(extranet_fold(a.commune), 64) COLLATE "C" >= (SELECT lo FROM typed)
      AND left(extranet_fold(a.commune), 64) COLLATE "C" < (SELECT hi FROM typed)
      AND (SELECT indexable FROM typed)
      -- (their sum: the same but for a childminder in both, whom a rare
      -- search then counts through the trigram index)
      AND (SELECT count(*) FROM name_starts) + (SELECT count(*) FROM prenom_starts) < sqlc.arg(max_matches)::int
    LIMIT sqlc.arg(max_matches)::int
), starts AS (
    -- a common name's search stops at its names; else each childminder
    -- once, whatever she starts with
    SELECT CASE WHEN (SELECT count(*) FROM name_starts) >= sqlc.arg(max_matches)::int
                THEN (SELECT count(*) FROM name_starts)
                ELSE (SELECT count(*) FROM (SELECT id FROM name_starts UNION SELECT id FROM prenom_starts
                                            UNION SELECT id FROM commune_starts) s)
           END AS n
), matches AS (
    SELECT a.login, a.civilite, a.nom, a.prenom, a.code_postal, a.commune,
           (a.password_hash IS NOT NULL)::bool AS has_password, a.must_change_password
    FROM assmats a
    WHERE a.search_text LIKE (SELECT pattern FROM typed)
      AND (SELECT indexable FROM typed)
      AND (SELECT n FROM starts) < sqlc.arg(max_matches)::int
    LIMIT sqlc.arg(max_matches)::int
)
(SELECT m.login, m.civilite, m.nom, m.prenom, m.code_postal, m.commune, m.has_password, m.must_change_password,
        count(*) OVER () AS total
 FROM matches m
 ORDER BY m.nom, m.prenom, m.login
 LIMIT sqlc.arg(row_limit)::int OFFSET sqlc.arg(row_offset)::int)
UNION ALL
SELECT '', '', '', '', '', '', false, false, s.n -- too many: one row, only its total
FROM starts s WHERE s.n >= sqlc.arg(max_matches)::int;

-- name: BoFindAssmatByLogin :many
-- A search of 1 or 2 characters: only the childminder of that very
-- identifier (the unique index on login), in BoSearchAssmats' shape.
SELECT a.login, a.civilite, a.nom, a.prenom, a.code_postal, a.commune,
       (a.password_hash IS NOT NULL)::bool AS has_password, a.must_change_password,
       count(*) OVER () AS total
FROM assmats a
WHERE a.login = sqlc.arg(login)::text;

-- name: BoGetAssmat :one
-- A childminder's identity and the state of her account, by identifier.
SELECT a.id, a.login, a.civilite, a.nom, a.prenom, a.date_naissance, a.situation_familiale,
       a.adresse, a.code_postal, a.commune, a.email,
       (a.password_hash IS NOT NULL)::bool AS has_password, a.must_change_password, a.password_changed_at
FROM assmats a
WHERE a.login = sqlc.arg(login)::text;

-- name: BoViewAssmat :one
-- BoGetAssmat for her page, which the audit log must record ("fiche
-- consultée", issue 10): the line is written by the statement that reads
-- her, so that the page keeps to one round trip after the session's (the
-- other reads are batched with it), and only when she exists. The caller
-- gives the action and target as app/audit names them.
WITH a AS (
    SELECT a.id, a.login, a.civilite, a.nom, a.prenom, a.date_naissance, a.situation_familiale,
           a.adresse, a.code_postal, a.commune, a.email,
           (a.password_hash IS NOT NULL)::bool AS has_password, a.must_change_password, a.password_changed_at
    FROM assmats a
    WHERE a.login = sqlc.arg(login)::text
), logged AS (
    INSERT INTO audit_log (agent_id, action, target)
    SELECT sqlc.arg(agent_id)::bigint, sqlc.arg(action)::text, sqlc.arg(target)::text FROM a
    RETURNING id
)
SELECT id, login, civilite, nom, prenom, date_naissance, situation_familiale, adresse, code_postal, commune, email,
       has_password, must_change_password, password_changed_at
FROM a;

-- name: BoAssmatAgrements :many
-- Her agréments, the one valid longest first (as on her own page).
SELECT g.numero, g.statut, g.date_premiere_delivrance, g.date_debut_validite, g.date_fin_validite,
       g.capacite_totale, g.capacite_moins_3_ans, g.capacite_plus_3_ans,
       g.lieu_exercice, g.mam_nom, g.lieu_adresse, g.lieu_code_postal, g.lieu_commune, g.derogations
FROM agrements g
JOIN assmats a ON a.id = g.assmat_id
WHERE a.login = sqlc.arg(login)::text
ORDER BY g.date_fin_validite DESC NULLS FIRST, g.numero;

-- name: BoAssmatChildren :many
-- Her declared children, current ones first (a period without an end, or
-- ending today or later: Current() of app/children), then the history; each
-- with its declaration date, the late mark stored at declaration, the start
-- of its first period and the end of its last (open_ended: one has no end).
SELECT c.id, c.nom, c.prenom, c.date_naissance, c.declared_at, c.declared_late,
       bool_or(p.end_date IS NULL OR p.end_date >= sqlc.arg(today)::date)::bool AS is_current,
       min(p.start_date)::date AS first_start,
       bool_or(p.end_date IS NULL)::bool AS open_ended,
       COALESCE(max(p.end_date), min(p.start_date))::date AS last_end
FROM children c
JOIN assmats a ON a.id = c.assmat_id
JOIN care_periods p ON p.child_id = c.id
WHERE a.login = sqlc.arg(login)::text
GROUP BY c.id
ORDER BY is_current DESC, c.nom, c.prenom, c.id
LIMIT sqlc.arg(max_rows)::int;

-- name: BoAssmatMessages :many
-- Her latest messages (the general ones and her personal ones), with her
-- state of each: read when, archived. Each half reads its own index
-- (messages_general_idx, messages_personal_idx) for the newest rows only.
WITH me AS (SELECT id FROM assmats WHERE login = sqlc.arg(login)::text),
latest AS (
    (SELECT m.id, m.created_at, m.sender_service, m.subject, false AS personal
     FROM messages m
     WHERE m.recipient_assmat_id IS NULL
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT sqlc.arg(max_rows)::int)
    UNION ALL
    (SELECT m.id, m.created_at, m.sender_service, m.subject, true AS personal
     FROM messages m
     WHERE m.recipient_assmat_id = (SELECT id FROM me)
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT sqlc.arg(max_rows)::int)
)
SELECT l.id, l.created_at, l.sender_service, l.subject, l.personal::bool AS personal,
       s.read_at, (s.archived_at IS NOT NULL)::bool AS archived
FROM latest l
CROSS JOIN me
LEFT JOIN message_states s ON s.message_id = l.id AND s.assmat_id = me.id
ORDER BY l.created_at DESC, l.id DESC
LIMIT sqlc.arg(max_rows)::int;

-- name: BoLockAssmat :one
-- The childminder an account action is about, her row locked until the
-- transaction ends (as LockAssmat: no link issued meanwhile survives).
SELECT a.id, a.login, a.civilite, a.nom, a.prenom, a.adresse, a.code_postal, a.commune,
       (a.password_hash IS NOT NULL)::bool AS has_password, a.must_change_password
FROM assmats a
WHERE a.login = sqlc.arg(login)::text
FOR UPDATE;

-- name: BoSetTemporaryPassword :exec
-- A temporary password from the département's letter: to be changed at her
-- first sign-in; every session opened before now ends (password_changed_at).
-- KillAccountTokens follows in the same transaction.
UPDATE assmats
SET password_hash = sqlc.arg(password_hash)::text,
    must_change_password = true,
    password_changed_at = sqlc.arg(now)::timestamptz,
    updated_at = sqlc.arg(now)::timestamptz
WHERE id = sqlc.arg(id)::bigint;

-- name: BoClearPassword :exec
-- Identifier only: no password at all; she sets one through "Première
-- connexion". Every session opened before now ends. KillAccountTokens follows.
UPDATE assmats
SET password_hash = NULL,
    must_change_password = false,
    password_changed_at = sqlc.arg(now)::timestamptz,
    updated_at = sqlc.arg(now)::timestamptz
WHERE id = sqlc.arg(id)::bigint;
