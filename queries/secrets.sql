-- name: EnsureSecret :one
-- Returns the stored secret, creating it with the given value on first use.
-- The no-op update makes RETURNING yield the existing row on conflict.
INSERT INTO app_secrets (name, value)
VALUES (@name, @value)
ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
RETURNING value;
