-- +goose Up
-- The back office's sent messages count each page message's reads
-- (BOListSentMessages). message_states' only index is its primary key
-- (assmat_id, message_id), which cannot find a message's states: PostgreSQL
-- read the whole table (2.8 million states at L, 155 ms a page; an outside
-- review). This index holds the read states by message, so that a page
-- counts its messages' reads alone, from the index (index-only). The count
-- still grows with a message's readers (every childminder, for a general
-- message read nationally): numbers kept per message would bound it.
CREATE INDEX message_states_reads_idx ON message_states (message_id) WHERE read_at IS NOT NULL;

-- +goose Down
DROP INDEX message_states_reads_idx;
