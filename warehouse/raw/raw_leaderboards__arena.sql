-- arena.ai video boards as the mirror publishes them: one row per entry per snapshot, labels as
-- written upstream (vendor spellings, licence text), CI as given (ci, or ci_low/ci_high).
CREATE TABLE IF NOT EXISTS raw.raw_leaderboards__arena (
    board               VARCHAR NOT NULL,
    rank                INTEGER NOT NULL,
    model               VARCHAR NOT NULL,
    vendor              VARCHAR,
    license             VARCHAR,
    score               INTEGER NOT NULL,
    ci                  INTEGER,
    ci_low              INTEGER,
    ci_high             INTEGER,
    votes               BIGINT,
    preliminary         BOOLEAN,
    rank_spread_low     INTEGER,
    rank_spread_high    INTEGER,
    model_url           VARCHAR,
    board_last_updated  VARCHAR,
    upstream_url        VARCHAR,
    upstream_fetched_at VARCHAR,
    snapshot_date       DATE NOT NULL,
    record_index        INTEGER NOT NULL,
    snapshot_sha256     VARCHAR NOT NULL,
    source_url          VARCHAR NOT NULL,
    fetched_at          TIMESTAMPTZ NOT NULL
);
