-- +goose Up
-- extranet_like_contains (0012) with its backslashes written as E'' strings.
-- A SQL function's body is parsed under the calling session's settings:
-- with standard_conforming_strings off, 0012's '\' would open an escape and
-- the searches fail. E'\\' is one backslash whatever the setting.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION extranet_like_contains(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT '%' || replace(replace(replace(extranet_fold(t), E'\\', E'\\\\'), '%', E'\\%'), '_', E'\\_') || '%' $$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION extranet_like_contains(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT '%' || replace(replace(replace(extranet_fold(t), '\', '\\'), '%', '\%'), '_', '\_') || '%' $$;
-- +goose StatementEnd
