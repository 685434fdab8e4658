-- +goose NO TRANSACTION
-- +goose Up
-- The back office's childminder search (BoSearchAssmats) first counts the
-- childminders whose name, first name or commune starts with what was
-- typed, through these three indexes, and stops at the search's bound
-- (201): past it the page only says "Plus de 200 … précisez", so the
-- trigram index need not be read. Nationally a common name is such a
-- search: the trigram index's bitmap of "martin" holds 8,962 childminders
-- (2.4 ms a search at L, "marie" 3.7 ms), where 201 entries of a btree
-- range are read in 0.2 ms. A search under the bound goes on through the
-- trigram index as before.
--
-- left(…, 64): an entry holds at most 64 characters, whatever is imported
-- (a btree entry must stay under 2.7 kB; nom, prenom and commune have no
-- length limit of their own); a prefix longer than 64 characters finds
-- nothing here, and the trigram index serves it. COLLATE "C": a prefix is
-- then a range of bytes (BoSearchAssmats bounds it by the prefix and the
-- prefix followed by U+10FFFF), whatever the database's collation.
--
-- No INCLUDE: holding the columns the expressions read would let a range
-- be counted from the index alone (0.24 → 0.19 ms a search at L, while
-- VACUUM has marked the pages all-visible), but an entry would then hold
-- the whole column (a long name refused by the index), and the first
-- name's and commune's indexes lose btree deduplication (1.6 → 10 MB each
-- at L). Without: 15 MB for the three at L.
--
-- The search now needs these indexes: without them each range is a scan
-- that folds every childminder (86 to 383 ms at L, an outside review).
-- Each insert of a childminder, and each update of her name, first name or
-- commune, also writes them: inserting 50,000 took 1.4 s against 1.0 s
-- (review). Updates of other columns (her password, her email) stay HOT.
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
-- actions go on meanwhile (see 0015; about 0.3 s each at L). A concurrent
-- build waits for every transaction older than it, so a Genesis import in
-- progress (one transaction) holds the migration, and the app's start,
-- until it ends. An interrupted build leaves an invalid index under its
-- name, which the planner ignores (the search would then scan): each is
-- dropped first, so that running the migration again mends it.
DROP INDEX CONCURRENTLY IF EXISTS assmats_name_start_idx;
CREATE INDEX CONCURRENTLY assmats_name_start_idx ON assmats ((left(search_text, 64) COLLATE "C"));
DROP INDEX CONCURRENTLY IF EXISTS assmats_prenom_start_idx;
CREATE INDEX CONCURRENTLY assmats_prenom_start_idx ON assmats ((left(extranet_fold(prenom), 64) COLLATE "C"));
DROP INDEX CONCURRENTLY IF EXISTS assmats_commune_start_idx;
CREATE INDEX CONCURRENTLY assmats_commune_start_idx ON assmats ((left(extranet_fold(commune), 64) COLLATE "C"));

-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS assmats_commune_start_idx;
DROP INDEX CONCURRENTLY IF EXISTS assmats_prenom_start_idx;
DROP INDEX CONCURRENTLY IF EXISTS assmats_name_start_idx;
