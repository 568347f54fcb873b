-- ECB euro reference rates as published: one row per day and currency, units of the currency per EUR.
CREATE TABLE IF NOT EXISTS raw.raw_fx__ecb (
    date            DATE NOT NULL,
    currency        VARCHAR NOT NULL,
    per_eur         DOUBLE NOT NULL,
    record_index    INTEGER NOT NULL,
    snapshot_sha256 VARCHAR NOT NULL,
    source_url      VARCHAR NOT NULL,
    fetched_at      TIMESTAMPTZ NOT NULL
);
