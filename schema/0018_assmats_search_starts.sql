-- +goose NO TRANSACTION
-- +goose Up
-- The back office's childminder search (BoSearchAssmats) first counts the
-- childminders whose name, first name or commune starts with what was
-- typed, through these three indexes, and stops at the search's bound
-- (201): past it the page only says "Plus de 200 … précisez", so the
-- trigram index need not be read. Nationally a common name is such a
-- search: the trigram index's bitmap of "martin" holds 8,962 childminders
-- (2.4 ms a search at L, "marie" 3.7 ms), where 201 entries of a btree
-- range are read in 0.1 ms. A search under the bound goes on through the
-- trigram index as before.
--
-- INCLUDE: each index holds the column its expression reads and the id, so
-- that a range is counted from the index alone (an index-only scan, as far
-- as VACUUM has marked the table's pages all-visible), without a visit to
-- the table per childminder: a common name's search at L 0.29 → 0.22 ms.
-- At L the three weigh 43 MB (15 MB without).
--
-- left(…, 64): a btree entry must stay under 2.7 kB whatever is imported;
-- a prefix longer than 64 characters finds nothing here, and the trigram
-- index serves it. COLLATE "C": a prefix is then a range of bytes
-- (BoSearchAssmats bounds it by the prefix and the prefix followed by
-- U+10FFFF), whatever the database's collation.
--
-- The range's upper bound is written chr(1114111), a character only a UTF8
-- database has: the extranet's is created so (app/pgdev), and a database
-- in another encoding stops here rather than at an agent's search.
-- +goose StatementBegin
DO $$
BEGIN
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'the extranet needs a UTF8 database, this one is %', current_setting('server_encoding');
    END IF;
END
$$;
-- +goose StatementEnd
-- Built concurrently, outside a transaction, so that the import and account
-- actions go on meanwhile (see 0015). An interrupted build leaves an
-- invalid index under its name: each is dropped first, so that running the
-- migration again mends it.
DROP INDEX CONCURRENTLY IF EXISTS assmats_name_start_idx;
CREATE INDEX CONCURRENTLY assmats_name_start_idx ON assmats ((left(search_text, 64) COLLATE "C"))
    INCLUDE (search_text, id);
DROP INDEX CONCURRENTLY IF EXISTS assmats_prenom_start_idx;
CREATE INDEX CONCURRENTLY assmats_prenom_start_idx ON assmats ((left(extranet_fold(prenom), 64) COLLATE "C"))
    INCLUDE (prenom, id);
DROP INDEX CONCURRENTLY IF EXISTS assmats_commune_start_idx;
CREATE INDEX CONCURRENTLY assmats_commune_start_idx ON assmats ((left(extranet_fold(commune), 64) COLLATE "C"))
    INCLUDE (commune, id);

-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS assmats_commune_start_idx;
DROP INDEX CONCURRENTLY IF EXISTS assmats_prenom_start_idx;
DROP INDEX CONCURRENTLY IF EXISTS assmats_name_start_idx;
