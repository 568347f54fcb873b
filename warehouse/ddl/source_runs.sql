-- One row per source per refresh: what was fetched, parsed and loaded, or why it failed.
CREATE TABLE IF NOT EXISTS raw.source_runs (
    run_started_at  TIMESTAMPTZ NOT NULL,
    run_id          VARCHAR,
    source          VARCHAR NOT NULL,
    mode            VARCHAR NOT NULL,
    status          VARCHAR NOT NULL,     -- ok | unchanged | partial | failed | skipped
    snapshots_seen  INTEGER,
    snapshots_new   INTEGER,
    rows_loaded     BIGINT,
    failures        INTEGER,
    message         VARCHAR
);
