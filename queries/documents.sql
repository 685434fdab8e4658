-- name: CreateDocument :one
INSERT INTO documents (title, description, url, position)
VALUES (@title, @description, @url, @position)
RETURNING id;

-- name: CreateDocumentFile :one
-- A document that is a stored file (PDF, office formats) rather than a link.
INSERT INTO documents (title, description, file_name, file_type, file_content, position)
VALUES (@title, @description, @file_name, @file_type, @file_content, @position)
RETURNING id;

-- name: ListDocuments :many
-- The "Documents utiles" in their order, without the files' bytes: only
-- their size, which the list shows.
SELECT id, title, description, url, file_name, file_type,
       (file_content IS NOT NULL)::bool AS has_file,
       COALESCE(octet_length(file_content), 0)::bigint AS file_size
FROM documents
ORDER BY position, id;

-- name: GetDocumentFile :one
-- One stored file, to download; no row for a link or an unknown id.
SELECT file_name, file_type, file_content
FROM documents
WHERE id = @id AND file_content IS NOT NULL;
