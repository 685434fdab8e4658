-- +goose Up
-- The menu's unread count ("MESSAGES (2)") is on every signed-in page:
-- the general messages (message_counts), plus her personal messages, less
-- those she read or archived. Counting her personal messages and her states
-- on every page made the session's statement cost three times a plain
-- lookup (issue 12: 33,000 against 62,000 statements a second here); each
-- childminder's two numbers are kept here by statement triggers, written
-- only when a statement changes them (a message sent, read, archived,
-- restored or deleted).
--
-- seen counts her states with read_at or archived_at, without looking at
-- their messages: a state row exists only for a message she may see (every
-- statement that writes one checks it: MarkMessageRead, ArchiveMessage, the
-- bench data), and checking again read the million-row messages table once
-- per state on every request at L.
CREATE TABLE assmat_message_counts (
    assmat_id BIGINT PRIMARY KEY REFERENCES assmats (id) ON DELETE CASCADE,
    personal  BIGINT NOT NULL DEFAULT 0 CHECK (personal >= 0),
    seen      BIGINT NOT NULL DEFAULT 0 CHECK (seen >= 0)
);
-- No message or state may be written between the count below and the
-- triggers' creation (a running instance sends and marks messages while
-- this migration runs): it would never be counted. Reads go on.
LOCK TABLE messages, message_states IN SHARE ROW EXCLUSIVE MODE;
INSERT INTO assmat_message_counts (assmat_id, personal, seen)
SELECT a.id,
       (SELECT count(*) FROM messages m WHERE m.recipient_assmat_id = a.id),
       (SELECT count(*) FROM message_states s WHERE s.assmat_id = a.id AND (s.read_at IS NOT NULL OR s.archived_at IS NOT NULL))
FROM assmats a;
-- Statistics now: until autovacuum's, a plan may scan the new table.
ANALYZE assmat_message_counts;

-- apply_message_counts adds each childminder's deltas. Rows are locked in
-- the order of their ids, so that two statements touching many
-- childminders (a general message deleted with everyone's states) cannot
-- deadlock. Existing rows are updated. A childminder without a row (one
-- created after this migration) gets hers counted from the tables, which
-- already hold the statement's changes: never a negative delta inserted,
-- which the CHECKs would refuse, failing the user's write. One deleted by
-- the same statement (her messages and states go with her) gets none.
-- +goose StatementBegin
CREATE FUNCTION apply_message_counts(ids BIGINT[], personal_d BIGINT[], seen_d BIGINT[]) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    -- Joins to unnest(ids), never "= ANY (ids)": a parameter's array is
    -- searched element by element for each row, and the bench data's load
    -- gives 230,000 ids at once.
    IF cardinality(ids) = 1 THEN
        -- The usual case (she opens a message): her row alone, and done
        -- when it exists (0.6 → 0.1 ms a message read for the first time).
        UPDATE assmat_message_counts SET personal = personal + personal_d[1], seen = seen + seen_d[1]
        WHERE assmat_id = ids[1];
        IF FOUND THEN
            RETURN;
        END IF;
    ELSE
        PERFORM 1 FROM assmat_message_counts c JOIN unnest(ids) AS d (id) ON d.id = c.assmat_id
        ORDER BY c.assmat_id FOR UPDATE OF c;
        UPDATE assmat_message_counts c SET personal = c.personal + d.p, seen = c.seen + d.s
        FROM unnest(ids, personal_d, seen_d) AS d (id, p, s)
        WHERE c.assmat_id = d.id;
    END IF;
    INSERT INTO assmat_message_counts (assmat_id, personal, seen)
    SELECT a.id,
           (SELECT count(*) FROM messages m WHERE m.recipient_assmat_id = a.id),
           (SELECT count(*) FROM message_states s
            WHERE s.assmat_id = a.id AND (s.read_at IS NOT NULL OR s.archived_at IS NOT NULL))
    FROM assmats a JOIN unnest(ids) AS d (id) ON d.id = a.id
    WHERE NOT EXISTS (SELECT 1 FROM assmat_message_counts k WHERE k.assmat_id = a.id)
    ORDER BY a.id
    -- Another transaction created it meanwhile, counting what it saw: this
    -- statement's changes are to add.
    ON CONFLICT (assmat_id) DO UPDATE SET
        personal = assmat_message_counts.personal
            + (SELECT d.p FROM unnest(ids, personal_d) AS d (id, p) WHERE d.id = excluded.assmat_id),
        seen = assmat_message_counts.seen
            + (SELECT d.s FROM unnest(ids, seen_d) AS d (id, s) WHERE d.id = excluded.assmat_id);
END $$;
-- +goose StatementEnd

-- Her personal messages: +1 for each one sent to her, -1 for each deleted
-- (or made general). Static SQL, planned once per connection, rather than
-- one function for both tables building its queries: that cost 0.15 ms more
-- on each message read for the first time.
-- +goose StatementBegin
CREATE FUNCTION assmat_message_counts_messages() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids BIGINT[];
    ds  BIGINT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(id ORDER BY id), array_agg(n ORDER BY id) INTO ids, ds FROM (
            SELECT recipient_assmat_id AS id, count(*) AS n FROM new_rows
            WHERE recipient_assmat_id IS NOT NULL GROUP BY 1) d;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(id ORDER BY id), array_agg(n ORDER BY id) INTO ids, ds FROM (
            SELECT recipient_assmat_id AS id, -count(*) AS n FROM old_rows
            WHERE recipient_assmat_id IS NOT NULL GROUP BY 1) d;
    ELSE
        SELECT array_agg(id ORDER BY id), array_agg(n ORDER BY id) INTO ids, ds FROM (
            SELECT id, sum(n)::bigint AS n FROM (
                SELECT recipient_assmat_id AS id, 1 AS n FROM new_rows WHERE recipient_assmat_id IS NOT NULL
                UNION ALL
                SELECT recipient_assmat_id, -1 FROM old_rows WHERE recipient_assmat_id IS NOT NULL) x
            GROUP BY id HAVING sum(n) <> 0) d;
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM apply_message_counts(ids, ds, array_fill(0::bigint, ARRAY[cardinality(ids)]));
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- Her states read or archived: +1 for each that becomes so, -1 for each
-- that stops being so (a message archived unread, then restored) or is
-- deleted.
-- +goose StatementBegin
CREATE FUNCTION assmat_message_counts_states() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids BIGINT[];
    ds  BIGINT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(id ORDER BY id), array_agg(n ORDER BY id) INTO ids, ds FROM (
            SELECT assmat_id AS id, count(*) AS n FROM new_rows
            WHERE read_at IS NOT NULL OR archived_at IS NOT NULL GROUP BY 1) d;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(id ORDER BY id), array_agg(n ORDER BY id) INTO ids, ds FROM (
            SELECT assmat_id AS id, -count(*) AS n FROM old_rows
            WHERE read_at IS NOT NULL OR archived_at IS NOT NULL GROUP BY 1) d;
    ELSE
        SELECT array_agg(id ORDER BY id), array_agg(n ORDER BY id) INTO ids, ds FROM (
            SELECT id, sum(n)::bigint AS n FROM (
                SELECT assmat_id AS id, 1 AS n FROM new_rows WHERE read_at IS NOT NULL OR archived_at IS NOT NULL
                UNION ALL
                SELECT assmat_id, -1 FROM old_rows WHERE read_at IS NOT NULL OR archived_at IS NOT NULL) x
            GROUP BY id HAVING sum(n) <> 0) d;
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM apply_message_counts(ids, array_fill(0::bigint, ARRAY[cardinality(ids)]), ds);
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION assmat_message_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'messages' THEN
        UPDATE assmat_message_counts SET personal = 0, seen = 0; -- their states go with them
    ELSE
        UPDATE assmat_message_counts SET seen = 0;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- Named to fire after 0006's message_counts_* triggers (PostgreSQL fires a
-- table's triggers in the order of their names): every statement then
-- locks message_counts' one row before childminders' rows. In the other
-- order, a personal message sent while a read general message is deleted
-- (everyone's states with it) deadlocked.
CREATE TRIGGER unread_counts_insert AFTER INSERT ON messages
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assmat_message_counts_messages();
CREATE TRIGGER unread_counts_update AFTER UPDATE ON messages
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assmat_message_counts_messages();
CREATE TRIGGER unread_counts_delete AFTER DELETE ON messages
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assmat_message_counts_messages();
CREATE TRIGGER unread_counts_truncate AFTER TRUNCATE ON messages
    FOR EACH STATEMENT EXECUTE FUNCTION assmat_message_counts_truncate();
CREATE TRIGGER unread_counts_insert AFTER INSERT ON message_states
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assmat_message_counts_states();
CREATE TRIGGER unread_counts_update AFTER UPDATE ON message_states
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assmat_message_counts_states();
CREATE TRIGGER unread_counts_delete AFTER DELETE ON message_states
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION assmat_message_counts_states();
CREATE TRIGGER unread_counts_truncate AFTER TRUNCATE ON message_states
    FOR EACH STATEMENT EXECUTE FUNCTION assmat_message_counts_truncate();

-- Each new childminder starts with her row, at zero: her first message
-- then only updates it. (Counting her from the tables is for a row lost;
-- the bench data's load copies a million messages with the tables'
-- indexes dropped, where counting each childminder would read them all.)
-- +goose StatementBegin
CREATE FUNCTION assmat_message_counts_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO assmat_message_counts (assmat_id) SELECT id FROM new_rows ORDER BY id ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER unread_counts_new AFTER INSERT ON assmats
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assmat_message_counts_new();

-- no_session raises the error 0009's session_row raised when a cookie
-- names no session. GetAssmat and GetAgent call it from a one-time filter,
-- only when the session is missing: with a session, they are plain joins and
-- no function runs; session_row, a function in FROM, cost a sixth of the
-- statement on every page.
-- +goose StatementBegin
CREATE FUNCTION no_session() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'no such session' USING ERRCODE = 'no_data_found';
END $$;
-- +goose StatementEnd
-- 0009's session_row and agent_session_row stay: an instance of the
-- previous build, still serving during a rolling deploy, calls them on
-- every request. A later migration drops them.

-- +goose Down
DROP FUNCTION no_session();
DROP TRIGGER unread_counts_new ON assmats;
DROP FUNCTION assmat_message_counts_new();
DROP TRIGGER unread_counts_truncate ON message_states;
DROP TRIGGER unread_counts_delete ON message_states;
DROP TRIGGER unread_counts_update ON message_states;
DROP TRIGGER unread_counts_insert ON message_states;
DROP TRIGGER unread_counts_truncate ON messages;
DROP TRIGGER unread_counts_delete ON messages;
DROP TRIGGER unread_counts_update ON messages;
DROP TRIGGER unread_counts_insert ON messages;
DROP FUNCTION assmat_message_counts_truncate();
DROP FUNCTION assmat_message_counts_states();
DROP FUNCTION assmat_message_counts_messages();
DROP FUNCTION apply_message_counts(BIGINT[], BIGINT[], BIGINT[]);
DROP TABLE assmat_message_counts;
