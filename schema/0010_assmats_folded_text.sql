-- +goose Up
-- A childminder's name, first name, identifier and commune folded once,
-- when written (issue 12), as messages' search_text (migration 0007): the
-- back office's searches check every candidate of the trigram index again,
-- and folding each one (unaccent) at every search was most of a common
-- name's cost at L, where up to 201 are read.
ALTER TABLE assmats ADD COLUMN search_text TEXT
    GENERATED ALWAYS AS (extranet_fold(nom || ' ' || prenom || ' ' || login || ' ' || commune)) STORED;
CREATE INDEX assmats_search_text_idx ON assmats USING gin (search_text gin_trgm_ops);
DROP INDEX assmats_search_idx;

-- +goose Down
CREATE INDEX assmats_search_idx ON assmats
    USING gin (extranet_fold(nom || ' ' || prenom || ' ' || login || ' ' || commune) gin_trgm_ops);
DROP INDEX assmats_search_text_idx;
ALTER TABLE assmats DROP COLUMN search_text;
