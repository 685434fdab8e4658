-- name: GetAssmatByLogin :one
-- Credentials for the login form (password_changed_at: trusted-device cookies
-- are valid for one password only).
SELECT id, login, password_hash, must_change_password, password_changed_at
FROM assmats
WHERE login = @login;

-- name: GetAssmat :one
-- The signed-in childminder, loaded once per request by the session middleware.
SELECT id, login, civilite, nom, prenom, date_naissance, situation_familiale,
       adresse, code_postal, commune, email, must_change_password, password_changed_at
FROM assmats
WHERE id = @id;

-- name: CreateAssmat :one
INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, situation_familiale,
                     adresse, code_postal, commune, email, password_hash, must_change_password)
VALUES (@login, @civilite, @nom, @prenom, @date_naissance, @situation_familiale,
        @adresse, @code_postal, @commune, sqlc.narg(email), sqlc.narg(password_hash), @must_change_password)
RETURNING id;
