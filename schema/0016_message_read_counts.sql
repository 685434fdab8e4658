-- +goose Up
-- The back office's sent messages show how many childminders have read each
-- message. Counting a page's reads (message_states_reads_idx, 0014) grew
-- with each message's readers: a general message read across the country
-- is 230,000 index entries, and a page of twenty such messages millions.
-- Each message's number of reads is kept here by a statement trigger on
-- message_states, as 0011 keeps each childminder's: the page reads twenty
-- rows by key.
--
-- One row per message, made with it at zero: her reading then only updates
-- it. A message's readers update the same row, each holding it until her
-- statement commits (its WAL flushed): one message's first readings go one
-- at a time, about 2,500 a second with a 90 µs flush (an outside review),
-- far above the morning rush of a national message (tens a second). A
-- message is read once per childminder; her later openings write nothing.
CREATE TABLE message_read_counts (
    message_id BIGINT PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    n          BIGINT NOT NULL DEFAULT 0 CHECK (n >= 0)
);
-- No message or state may be written between the count below and the
-- triggers' creation (a running instance sends and marks messages
-- meanwhile). Reads go on.
LOCK TABLE messages, message_states IN SHARE ROW EXCLUSIVE MODE;
INSERT INTO message_read_counts (message_id, n)
SELECT m.id, COALESCE(r.n, 0)
FROM messages m
LEFT JOIN (SELECT message_id, count(*) AS n FROM message_states WHERE read_at IS NOT NULL GROUP BY message_id) r
    ON r.message_id = m.id;
ANALYZE message_read_counts;

-- apply_read_counts adds each message's delta, locking rows in the order of
-- their ids (two statements over many messages, such as two childminders
-- deleted at once with their states, cannot deadlock). A message whose row
-- this statement did not update (a row lost: each message gets one when
-- sent) gets its reads counted from the states, which already hold the
-- statement's changes (never a negative delta inserted, which the CHECK
-- would refuse, failing her read); one deleted by the same statement gets
-- none. If another transaction made the row meanwhile, it counted what it
-- saw, never this statement's uncommitted changes: the delta is added to
-- it. (Asking "does the row exist?" before inserting, as 0011 first did,
-- took a row committed between the UPDATE and the INSERT for one that
-- counted her, and lost her reading: an outside review showed it.)
-- +goose StatementBegin
CREATE FUNCTION apply_read_counts(ids BIGINT[], ds BIGINT[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    done BIGINT[] := '{}';
BEGIN
    IF cardinality(ids) = 1 THEN
        -- The usual case: she opens a message. Its row alone, and done
        -- when it exists.
        UPDATE message_read_counts SET n = n + ds[1] WHERE message_id = ids[1];
        IF FOUND THEN
            RETURN;
        END IF;
    ELSE
        PERFORM 1 FROM message_read_counts c JOIN unnest(ids) AS d (id) ON d.id = c.message_id
        ORDER BY c.message_id FOR UPDATE OF c;
        WITH updated AS (
            UPDATE message_read_counts c SET n = c.n + d.n
            FROM unnest(ids, ds) AS d (id, n)
            WHERE c.message_id = d.id
            RETURNING c.message_id)
        SELECT COALESCE(array_agg(message_id), '{}') INTO done FROM updated;
    END IF;
    INSERT INTO message_read_counts (message_id, n)
    SELECT m.id, (SELECT count(*) FROM message_states s WHERE s.message_id = m.id AND s.read_at IS NOT NULL)
    FROM messages m
    JOIN unnest(ids) AS d (id) ON d.id = m.id
    LEFT JOIN unnest(done) AS u (id) ON u.id = m.id
    WHERE u.id IS NULL
    ORDER BY m.id
    ON CONFLICT (message_id) DO UPDATE SET
        n = message_read_counts.n + (SELECT d.n FROM unnest(ids, ds) AS d (id, n) WHERE d.id = excluded.message_id);
END $$;
-- +goose StatementEnd

-- Each message's states read: +1 for each that becomes so, -1 for each that
-- stops being so or is deleted.
-- +goose StatementBegin
CREATE FUNCTION message_read_counts_states() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids BIGINT[];
    ds  BIGINT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(id ORDER BY id), array_agg(n ORDER BY id) INTO ids, ds FROM (
            SELECT message_id AS id, count(*) AS n FROM new_rows WHERE read_at IS NOT NULL GROUP BY 1) d;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(id ORDER BY id), array_agg(n ORDER BY id) INTO ids, ds FROM (
            SELECT message_id AS id, -count(*) AS n FROM old_rows WHERE read_at IS NOT NULL GROUP BY 1) d;
    ELSE
        SELECT array_agg(id ORDER BY id), array_agg(n ORDER BY id) INTO ids, ds FROM (
            SELECT id, sum(n)::bigint AS n FROM (
                SELECT message_id AS id, 1 AS n FROM new_rows WHERE read_at IS NOT NULL
                UNION ALL
                SELECT message_id, -1 FROM old_rows WHERE read_at IS NOT NULL) x
            GROUP BY id HAVING sum(n) <> 0) d;
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM apply_read_counts(ids, ds);
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION message_read_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE message_read_counts SET n = 0 WHERE n <> 0;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- Each new message starts with its row, at zero. (Counting it from the
-- states is for a row lost; the bench data's load copies three million
-- states with the tables' indexes dropped, where counting each message
-- would read them all.)
-- +goose StatementBegin
CREATE FUNCTION message_read_counts_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO message_read_counts (message_id) SELECT id FROM new_rows ORDER BY id ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER message_reads_new AFTER INSERT ON messages
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION message_read_counts_new();

-- Named to fire before 0011's unread_counts_* (PostgreSQL fires a table's
-- triggers in the order of their names): a message's row, then
-- childminders' rows. Deleting a message takes its row by the foreign
-- key's cascade, before the states' statement triggers run (they fire once
-- the cascades are done): the same order.
CREATE TRIGGER message_reads_insert AFTER INSERT ON message_states
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION message_read_counts_states();
CREATE TRIGGER message_reads_update AFTER UPDATE ON message_states
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION message_read_counts_states();
CREATE TRIGGER message_reads_delete AFTER DELETE ON message_states
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION message_read_counts_states();
CREATE TRIGGER message_reads_truncate AFTER TRUNCATE ON message_states
    FOR EACH STATEMENT EXECUTE FUNCTION message_read_counts_truncate();

-- +goose Down
DROP TRIGGER message_reads_new ON messages;
DROP FUNCTION message_read_counts_new();
DROP TRIGGER message_reads_truncate ON message_states;
DROP TRIGGER message_reads_delete ON message_states;
DROP TRIGGER message_reads_update ON message_states;
DROP TRIGGER message_reads_insert ON message_states;
DROP FUNCTION message_read_counts_truncate();
DROP FUNCTION message_read_counts_states();
DROP FUNCTION apply_read_counts(BIGINT[], BIGINT[]);
DROP TABLE message_read_counts;
