-- +goose Up
-- apply_message_counts (0011) counted a childminder afresh when she had no
-- row, and asked first whether the row existed. Under READ COMMITTED each
-- statement sees what is committed when it starts: a row made and
-- committed by another transaction between this statement's UPDATE (which
-- found none) and its INSERT was taken for one that counted this
-- statement's changes, which it could not see, and they were lost (an
-- outside review, with a pause put between the two: "seen" 2 against 3).
-- Only with her row lost (a restore without triggers, a hand's mistake);
-- then a later delete could fail on the CHECK. Now the rows this statement
-- did not update are inserted, counted afresh, and a row made meanwhile
-- gets the delta added (ON CONFLICT), as apply_read_counts (0016) does.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION apply_message_counts(ids BIGINT[], personal_d BIGINT[], seen_d BIGINT[]) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    done BIGINT[] := '{}';
BEGIN
    -- Joins to unnest(ids), never "= ANY (ids)": a parameter's array is
    -- searched element by element for each row, and the bench data's load
    -- gives 230,000 ids at once.
    IF cardinality(ids) = 1 THEN
        -- The usual case (she opens a message): her row alone, and done
        -- when it exists.
        UPDATE assmat_message_counts SET personal = personal + personal_d[1], seen = seen + seen_d[1]
        WHERE assmat_id = ids[1];
        IF FOUND THEN
            RETURN;
        END IF;
    ELSE
        PERFORM 1 FROM assmat_message_counts c JOIN unnest(ids) AS d (id) ON d.id = c.assmat_id
        ORDER BY c.assmat_id FOR UPDATE OF c;
        WITH updated AS (
            UPDATE assmat_message_counts c SET personal = c.personal + d.p, seen = c.seen + d.s
            FROM unnest(ids, personal_d, seen_d) AS d (id, p, s)
            WHERE c.assmat_id = d.id
            RETURNING c.assmat_id)
        SELECT COALESCE(array_agg(assmat_id), '{}') INTO done FROM updated;
    END IF;
    INSERT INTO assmat_message_counts (assmat_id, personal, seen)
    SELECT a.id,
           (SELECT count(*) FROM messages m WHERE m.recipient_assmat_id = a.id),
           (SELECT count(*) FROM message_states s
            WHERE s.assmat_id = a.id AND (s.read_at IS NOT NULL OR s.archived_at IS NOT NULL))
    FROM assmats a
    JOIN unnest(ids) AS d (id) ON d.id = a.id
    LEFT JOIN unnest(done) AS u (id) ON u.id = a.id
    WHERE u.id IS NULL
    ORDER BY a.id
    -- Another transaction made it meanwhile, counting what it saw: this
    -- statement's changes are to add.
    ON CONFLICT (assmat_id) DO UPDATE SET
        personal = assmat_message_counts.personal
            + (SELECT d.p FROM unnest(ids, personal_d) AS d (id, p) WHERE d.id = excluded.assmat_id),
        seen = assmat_message_counts.seen
            + (SELECT d.s FROM unnest(ids, seen_d) AS d (id, s) WHERE d.id = excluded.assmat_id);
END $$;
-- +goose StatementEnd

-- +goose Down
-- The function as 0011 made it.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION apply_message_counts(ids BIGINT[], personal_d BIGINT[], seen_d BIGINT[]) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(ids) = 1 THEN
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
    ON CONFLICT (assmat_id) DO UPDATE SET
        personal = assmat_message_counts.personal
            + (SELECT d.p FROM unnest(ids, personal_d) AS d (id, p) WHERE d.id = excluded.assmat_id),
        seen = assmat_message_counts.seen
            + (SELECT d.s FROM unnest(ids, seen_d) AS d (id, s) WHERE d.id = excluded.assmat_id);
END $$;
-- +goose StatementEnd
