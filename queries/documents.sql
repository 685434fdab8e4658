-- name: CreateDocument :one
INSERT INTO documents (title, description, url, position)
VALUES (@title, @description, @url, @position)
RETURNING id;
