-- +goose Up
-- Messages: a search over subject and body that ignores case and accents
-- ("meteo" finds "météo"), served by a trigram index rather than a scan.
-- Both extensions are "trusted": the database owner may create them.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change), so an index cannot
-- use it directly: this wrapper names the dictionary and is IMMUTABLE. Queries
-- must call it exactly as the index does for the index to serve them.
-- +goose StatementBegin
CREATE FUNCTION extranet_fold(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;
-- +goose StatementEnd

CREATE INDEX messages_search_idx ON messages USING gin (extranet_fold(subject || ' ' || body) gin_trgm_ops);

-- The archived messages of a childminder, and her unread count (the menu's
-- "MESSAGES (2)") read her states by assmat_id: the primary key serves both.

-- +goose Down
DROP INDEX messages_search_idx;
DROP FUNCTION extranet_fold(text);
