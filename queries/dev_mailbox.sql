-- name: CreateDevMail :exec
INSERT INTO dev_mailbox (to_addr, subject, html, text)
VALUES (@to_addr, @subject, @html, @text);

-- name: ListDevMail :many
-- The latest emails kept by the development mailbox.
SELECT id, to_addr, subject, text, created_at
FROM dev_mailbox
ORDER BY id DESC
LIMIT 50;

-- name: GetDevMail :one
SELECT id, to_addr, subject, html, text, created_at
FROM dev_mailbox
WHERE id = @id;
