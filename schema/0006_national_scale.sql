-- +goose Up
-- What the pages need at national scale (issue 12; the query plans test,
-- app/db/queryplans_test.go, reads them at scale S with seq scans off).

-- The number of general messages, kept by the messages table's triggers:
-- every request's menu counts her unread messages, and counting the general
-- ones read 5,000 index entries at L on each request. One row, changed only
-- when the département writes or deletes a general message.
CREATE TABLE message_counts (
    one     BOOLEAN PRIMARY KEY DEFAULT true CHECK (one),
    general BIGINT NOT NULL CHECK (general >= 0)
);
INSERT INTO message_counts (general) SELECT count(*) FROM messages WHERE recipient_assmat_id IS NULL;

-- Statement triggers with transition tables: a COPY of 5,000 messages (the
-- bench data) changes the row once, not 5,000 times.
-- +goose StatementBegin
CREATE FUNCTION message_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE message_counts SET general = general + (SELECT count(*) FROM new_rows WHERE recipient_assmat_id IS NULL);
    RETURN NULL;
END $$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION message_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE message_counts SET general = general - (SELECT count(*) FROM old_rows WHERE recipient_assmat_id IS NULL);
    RETURN NULL;
END $$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION message_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE message_counts SET general = general
        + (SELECT count(*) FROM new_rows WHERE recipient_assmat_id IS NULL)
        - (SELECT count(*) FROM old_rows WHERE recipient_assmat_id IS NULL);
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER message_counts_insert AFTER INSERT ON messages
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION message_counts_insert();
CREATE TRIGGER message_counts_delete AFTER DELETE ON messages
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION message_counts_delete();
CREATE TRIGGER message_counts_update AFTER UPDATE ON messages
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION message_counts_update();
-- TRUNCATE would leave the count behind: the tests' clean-ups delete.
-- +goose StatementBegin
CREATE FUNCTION message_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE message_counts SET general = 0;
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER message_counts_truncate AFTER TRUNCATE ON messages
    FOR EACH STATEMENT EXECUTE FUNCTION message_counts_truncate();

-- A childminder's search reads the general messages through an index of
-- their own, and her few personal ones directly: the whole table's trigram
-- index holds a million personal messages at L, and a common word matched
-- 80,000 of them before hers were kept.
CREATE INDEX messages_general_search_idx ON messages
    USING gin (extranet_fold(subject || ' ' || body) gin_trgm_ops) WHERE recipient_assmat_id IS NULL;

-- A childminder's latest messages, newest first, read from the top of two
-- indexes (the general ones, and hers) until the page is full: the id
-- breaks ties of created_at in the index rather than in a sort of all.
-- They replace 0001's indexes of the same columns without the id.
CREATE INDEX messages_general_latest_idx ON messages (created_at DESC, id DESC) WHERE recipient_assmat_id IS NULL;
CREATE INDEX messages_personal_latest_idx ON messages (recipient_assmat_id, created_at DESC, id DESC)
    WHERE recipient_assmat_id IS NOT NULL;
DROP INDEX messages_general_idx;
DROP INDEX messages_personal_idx;

-- The back office's list of every message sent, newest first, one page at a time.
CREATE INDEX messages_created_idx ON messages (created_at DESC, id DESC);

-- The declarations export by commune, compared folded.
CREATE INDEX assmats_commune_idx ON assmats (extranet_fold(commune));

-- +goose Down
CREATE INDEX messages_general_idx ON messages (created_at DESC) WHERE recipient_assmat_id IS NULL;
CREATE INDEX messages_personal_idx ON messages (recipient_assmat_id, created_at DESC) WHERE recipient_assmat_id IS NOT NULL;
DROP INDEX messages_personal_latest_idx;
DROP INDEX messages_general_latest_idx;
DROP INDEX assmats_commune_idx;
DROP INDEX messages_created_idx;
DROP INDEX messages_general_search_idx;
DROP TRIGGER message_counts_truncate ON messages;
DROP TRIGGER message_counts_update ON messages;
DROP TRIGGER message_counts_delete ON messages;
DROP TRIGGER message_counts_insert ON messages;
DROP FUNCTION message_counts_truncate();
DROP FUNCTION message_counts_update();
DROP FUNCTION message_counts_delete();
DROP FUNCTION message_counts_insert();
DROP TABLE message_counts;
