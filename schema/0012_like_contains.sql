-- +goose Up
-- A search's LIKE pattern, "contains t", case and accents ignored, built in
-- SQL after the fold, with LIKE's wildcards and escape character in the
-- folded text escaped. The searches used to escape what was typed in Go,
-- then fold it here: unaccent turned characters it maps to a wildcard into
-- one, unescaped (full-width ％ and ＿, ＼ and others), so that "＿" found
-- every message and "％％％" every childminder. IMMUTABLE, as extranet_fold;
-- the queries call it in a scalar subquery, computed once per statement
-- (a generic plan would otherwise fold the argument for every row).
-- +goose StatementBegin
CREATE FUNCTION extranet_like_contains(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT '%' || replace(replace(replace(extranet_fold(t), '\', '\\'), '%', '\%'), '_', '\_') || '%' $$;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION extranet_like_contains(text);
