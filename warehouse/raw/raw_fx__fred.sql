-- FRED DEXCHUS as downloaded: one row per day with a value (holidays have none and are skipped by
-- the parser), CNY per USD as FRED prints it.
CREATE TABLE IF NOT EXISTS raw.raw_fx__fred (
    date            DATE NOT NULL,
    cny_per_usd     DOUBLE NOT NULL,
    record_index    INTEGER NOT NULL,
    snapshot_sha256 VARCHAR NOT NULL,
    source_url      VARCHAR NOT NULL,
    fetched_at      TIMESTAMPTZ NOT NULL
);
