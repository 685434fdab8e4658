-- name: GetPasswordHash :one
SELECT password_hash FROM assmats WHERE id = @id;

-- name: GetAssmatIdentity :one
-- What the "première connexion" form is compared with.
SELECT id, login, nom, prenom, date_naissance, email
FROM assmats
WHERE login = @login;

-- name: LockAssmat :one
-- Locks the account's row until the transaction ends. Every transaction that
-- issues, spends or kills links of an account takes it first: they then
-- follow one another, so that no link issued while the password changes
-- survives the change, and two links of one account used at once cannot
-- deadlock.
SELECT password_changed_at FROM assmats WHERE id = @id FOR UPDATE;

-- name: SetPassword :exec
-- Sets a new password: it ends every session opened before now (see
-- password_changed_at). The email given on the link form becomes the
-- account's when it had none. KillAccountTokens follows in the same transaction.
UPDATE assmats
SET password_hash = sqlc.arg(password_hash)::text,
    must_change_password = false,
    password_changed_at = sqlc.arg(now)::timestamptz,
    email = COALESCE(assmats.email, sqlc.narg(email)),
    updated_at = sqlc.arg(now)::timestamptz
WHERE assmats.id = sqlc.arg(id)::bigint;

-- name: KillAccountTokens :exec
-- Kills every link of the account still pending, whatever its purpose (a
-- password link, an email change asked before a password change).
UPDATE account_tokens SET used_at = sqlc.arg(now)::timestamptz
WHERE assmat_id = @assmat_id AND used_at IS NULL;

-- name: CreateAccountToken :exec
INSERT INTO account_tokens (assmat_id, purpose, token_hash, new_email, expires_at, created_at)
VALUES (@assmat_id, @purpose, @token_hash, @new_email, @expires_at, @now);

-- name: GetValidToken :one
-- A link that may still be used, with its childminder's login.
SELECT t.assmat_id, t.new_email, a.login
FROM account_tokens t
JOIN assmats a ON a.id = t.assmat_id
WHERE t.token_hash = @token_hash AND t.purpose = @purpose
  AND t.used_at IS NULL AND t.expires_at > @now;

-- name: UseAccountToken :one
-- Spends a link: of two concurrent uses, only one gets a row.
UPDATE account_tokens
SET used_at = sqlc.arg(now)::timestamptz
WHERE token_hash = @token_hash AND purpose = @purpose
  AND used_at IS NULL AND expires_at > sqlc.arg(now)::timestamptz
RETURNING assmat_id, new_email;

-- name: SetEmail :one
-- Replaces the account's email and returns the old one, to tell it of the change.
UPDATE assmats a
SET email = sqlc.arg(email)::text, updated_at = @now
FROM (SELECT s.id, s.email AS old_email FROM assmats s WHERE s.id = sqlc.arg(id)::bigint FOR UPDATE) o
WHERE a.id = o.id
RETURNING o.old_email, a.prenom, a.nom;
