-- +goose Up
-- A message's subject and body folded once, when it is written (issue 12):
-- a trigram index only narrows a search, and every candidate row is checked
-- again. Folding each candidate's whole body (unaccent) at every search cost
-- 50 µs a row, 13 ms for a common word among the 5,000 general messages at
-- L; the stored text is compared as it is.
ALTER TABLE messages ADD COLUMN search_text TEXT GENERATED ALWAYS AS (extranet_fold(subject || ' ' || body)) STORED;

-- The general messages' search index, on the stored text (her personal ones
-- are read by her id). It replaces 0006's index on the expression, and
-- 0003's on the whole table, which no query uses any more: at L it indexed a
-- million personal messages on every insert for nothing.
CREATE INDEX messages_general_text_idx ON messages USING gin (search_text gin_trgm_ops) WHERE recipient_assmat_id IS NULL;
DROP INDEX messages_general_search_idx;
DROP INDEX messages_search_idx;

-- +goose Down
CREATE INDEX messages_search_idx ON messages USING gin (extranet_fold(subject || ' ' || body) gin_trgm_ops);
CREATE INDEX messages_general_search_idx ON messages
    USING gin (extranet_fold(subject || ' ' || body) gin_trgm_ops) WHERE recipient_assmat_id IS NULL;
DROP INDEX messages_general_text_idx;
ALTER TABLE messages DROP COLUMN search_text;
