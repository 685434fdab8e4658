-- name: CreateMessage :one
INSERT INTO messages (sender_service, subject, body, recipient_assmat_id, created_at)
VALUES (@sender_service, @subject, @body, sqlc.narg(recipient_assmat_id), @created_at)
RETURNING id;
