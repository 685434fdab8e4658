-- +goose Up
-- A session's row, or an error (issue 12's review): the session middleware
-- sends the session's row, the user and the page's reads in one batch,
-- before it knows the session is good. PostgreSQL skips the rest of a batch
-- after an error, so a cookie that names no session costs this one index
-- probe, not the page's reads for the user it claims (which let anyone make
-- the server read any childminder's pages, and time them).
-- +goose StatementBegin
CREATE FUNCTION session_row(key BYTEA, uid BIGINT, OUT login_at TIMESTAMPTZ, OUT seen_at TIMESTAMPTZ)
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    SELECT s.login_at, s.seen_at INTO login_at, seen_at FROM sessions s WHERE s.k = key AND s.user_id = uid;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such session' USING ERRCODE = 'no_data_found';
    END IF;
END $$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION agent_session_row(key BYTEA, uid BIGINT, OUT login_at TIMESTAMPTZ, OUT seen_at TIMESTAMPTZ)
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    SELECT s.login_at, s.seen_at INTO login_at, seen_at FROM agent_sessions s WHERE s.k = key AND s.user_id = uid;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such session' USING ERRCODE = 'no_data_found';
    END IF;
END $$;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION agent_session_row(BYTEA, BIGINT);
DROP FUNCTION session_row(BYTEA, BIGINT);
