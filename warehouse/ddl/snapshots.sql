-- One row per distinct response (source, url, sha256): fetched live, replayed from a recording,
-- or read from a curated seed file. Every raw row points here through snapshot_sha256.
CREATE TABLE IF NOT EXISTS raw.snapshots (
    sha256        VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    url           VARCHAR NOT NULL,
    fetched_at    TIMESTAMPTZ NOT NULL,   -- first time these bytes were seen at this URL
    last_seen_at  TIMESTAMPTZ NOT NULL,
    mode          VARCHAR NOT NULL,       -- replay | live | curated
    path          VARCHAR NOT NULL,
    bytes         BIGINT NOT NULL,
    label         VARCHAR
);
