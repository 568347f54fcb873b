-- One row per snapshot parsed into a raw table, even one that held no records (an empty list of
-- GitHub releases, say): the ledger that lets a later refresh recognise it by hash and skip it.
CREATE TABLE IF NOT EXISTS raw.snapshot_loads (
    raw_table    VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL,
    rows_loaded  BIGINT NOT NULL,
    loaded_at    TIMESTAMPTZ NOT NULL
);
