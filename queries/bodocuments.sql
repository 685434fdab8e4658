-- The back office's "Documents utiles" (issue 10). CreateDocument and
-- CreateDocumentFile (queries/documents.sql) add an entry.

-- name: BOListDocuments :many
-- Every entry in its order, without the files' bytes.
SELECT id, title, description, url, file_name, file_type, position,
       COALESCE(octet_length(file_content), 0)::bigint AS file_size
FROM documents
ORDER BY position, id;

-- name: BOGetDocument :one
SELECT id, title, description, url, file_name, file_type, position,
       COALESCE(octet_length(file_content), 0)::bigint AS file_size
FROM documents
WHERE id = @id;

-- name: BONextDocumentPosition :one
-- The position after the last entry: a new entry goes to the end.
SELECT (COALESCE(max(position), 0) + 1)::int FROM documents;

-- name: BOUpdateDocumentLink :exec
-- An entry becomes (or stays) a link: its file, if any, is dropped.
UPDATE documents
SET title = @title, description = @description, url = @url,
    file_name = '', file_type = '', file_content = NULL
WHERE id = @id;

-- name: BOUpdateDocumentFile :exec
-- An entry gets a new file: it is no longer a link.
UPDATE documents
SET title = @title, description = @description, url = '',
    file_name = @file_name, file_type = @file_type, file_content = @file_content
WHERE id = @id;

-- name: BOUpdateDocumentText :exec
-- Title and description only: the entry keeps its file.
UPDATE documents SET title = @title, description = @description WHERE id = @id;

-- name: BODeleteDocument :one
DELETE FROM documents WHERE id = @id RETURNING title;

-- name: BOSwapDocument :one
-- Moves an entry one place up (up = true) or down in the list: it trades
-- positions with its neighbour, in one statement. The list is first
-- renumbered 1…n in its current order, so that equal positions (older
-- data) cannot leave the move without effect. No row: already first (last).
WITH ordered AS (
    SELECT id, row_number() OVER (ORDER BY position, id)::int AS rn FROM documents
), me AS (
    SELECT rn FROM ordered WHERE id = @id::bigint
), other AS (
    SELECT o.id, o.rn FROM ordered o, me
    WHERE o.rn = me.rn + CASE WHEN @up::bool THEN -1 ELSE 1 END
), renumbered AS (
    UPDATE documents d
    SET position = CASE
        WHEN d.id = @id::bigint THEN (SELECT rn FROM other)
        WHEN d.id = (SELECT id FROM other) THEN (SELECT rn FROM me)
        ELSE o.rn END
    FROM ordered o
    WHERE o.id = d.id AND EXISTS (SELECT 1 FROM other)
    RETURNING d.id
)
SELECT count(*)::int FROM renumbered;
