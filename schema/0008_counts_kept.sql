-- +goose Up
-- Counts the back office's list of sent messages shows on every page (issue
-- 12): every message ("page 3 of 50,250") and every active childminder (a
-- general message's recipients: "3 / 120"). Counting them read a million
-- index entries and 230,000 rows at L on each page; triggers keep them.
--
-- A count's row is updated only when a statement changes it: 0006's
-- functions updated message_counts for every insert, personal messages too,
-- and so serialised every transaction that writes a message on that row.

ALTER TABLE message_counts ADD COLUMN total BIGINT NOT NULL DEFAULT 0 CHECK (total >= 0);
UPDATE message_counts SET total = (SELECT count(*) FROM messages);

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION message_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    g BIGINT;
    n BIGINT;
BEGIN
    SELECT count(*) FILTER (WHERE recipient_assmat_id IS NULL), count(*) INTO g, n FROM new_rows;
    IF n <> 0 THEN
        UPDATE message_counts SET general = general + g, total = total + n;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION message_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    g BIGINT;
    n BIGINT;
BEGIN
    SELECT count(*) FILTER (WHERE recipient_assmat_id IS NULL), count(*) INTO g, n FROM old_rows;
    IF n <> 0 THEN
        UPDATE message_counts SET general = general - g, total = total - n;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION message_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    g BIGINT;
BEGIN
    SELECT (SELECT count(*) FROM new_rows WHERE recipient_assmat_id IS NULL)
         - (SELECT count(*) FROM old_rows WHERE recipient_assmat_id IS NULL) INTO g;
    IF g <> 0 THEN
        UPDATE message_counts SET general = general + g;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION message_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE message_counts SET general = 0, total = 0;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- Active childminders: those with a password of their own or temporary.
CREATE TABLE assmat_counts (
    one    BOOLEAN PRIMARY KEY DEFAULT true CHECK (one),
    active BIGINT NOT NULL CHECK (active >= 0)
);
INSERT INTO assmat_counts (active) SELECT count(*) FROM assmats WHERE password_hash IS NOT NULL;

-- +goose StatementBegin
CREATE FUNCTION assmat_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d BIGINT := 0;
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        d := d + (SELECT count(*) FROM new_rows WHERE password_hash IS NOT NULL);
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        d := d - (SELECT count(*) FROM old_rows WHERE password_hash IS NOT NULL);
    END IF;
    -- A new password over an old one changes nothing: no update, no lock.
    IF d <> 0 THEN
        UPDATE assmat_counts SET active = active + d;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION assmat_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE assmat_counts SET active = 0;
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER assmat_counts_insert AFTER INSERT ON assmats
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assmat_counts_change();
CREATE TRIGGER assmat_counts_update AFTER UPDATE ON assmats
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assmat_counts_change();
CREATE TRIGGER assmat_counts_delete AFTER DELETE ON assmats
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assmat_counts_change();
CREATE TRIGGER assmat_counts_truncate AFTER TRUNCATE ON assmats
    FOR EACH STATEMENT EXECUTE FUNCTION assmat_counts_truncate();

-- +goose Down
DROP TRIGGER assmat_counts_truncate ON assmats;
DROP TRIGGER assmat_counts_delete ON assmats;
DROP TRIGGER assmat_counts_update ON assmats;
DROP TRIGGER assmat_counts_insert ON assmats;
DROP FUNCTION assmat_counts_truncate();
DROP FUNCTION assmat_counts_change();
DROP TABLE assmat_counts;
-- 0006's functions, which update the row on every statement.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION message_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE message_counts SET general = general + (SELECT count(*) FROM new_rows WHERE recipient_assmat_id IS NULL);
    RETURN NULL;
END $$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION message_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE message_counts SET general = general - (SELECT count(*) FROM old_rows WHERE recipient_assmat_id IS NULL);
    RETURN NULL;
END $$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION message_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE message_counts SET general = general
        + (SELECT count(*) FROM new_rows WHERE recipient_assmat_id IS NULL)
        - (SELECT count(*) FROM old_rows WHERE recipient_assmat_id IS NULL);
    RETURN NULL;
END $$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION message_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE message_counts SET general = 0;
    RETURN NULL;
END $$;
-- +goose StatementEnd
ALTER TABLE message_counts DROP COLUMN total;
