-- Artificial Analysis video arena as AA (or the daily mirror of it) publishes it: one row per model
-- per board per snapshot, labels as written upstream (creator country lower-case, ci95 text beside
-- its parsed minus/plus bounds). api_source says which API the Elo comes from (public_json or
-- v2_api: different scales). snapshot_date is the payload's fetched_at day, else our retrieval day.
CREATE TABLE IF NOT EXISTS raw.raw_leaderboards__aa_arena (
    board               VARCHAR NOT NULL,
    snapshot_date       DATE NOT NULL,
    upstream_fetched_at VARCHAR,
    rank                INTEGER,
    model               VARCHAR NOT NULL,
    slug                VARCHAR NOT NULL,
    model_id            VARCHAR,
    creator             VARCHAR NOT NULL,
    creator_id          VARCHAR,
    creator_country     VARCHAR,
    elo                 DOUBLE NOT NULL,
    ci95                VARCHAR,
    ci_minus            DOUBLE,
    ci_plus             DOUBLE,
    appearances         BIGINT,
    wins                BIGINT,
    win_rate            DOUBLE,
    release_date        VARCHAR,
    open_weights_url    VARCHAR,
    is_current          BOOLEAN,
    api_source          VARCHAR NOT NULL,
    upstream_url        VARCHAR,
    record_index        INTEGER NOT NULL,
    snapshot_sha256     VARCHAR NOT NULL,
    source_url          VARCHAR NOT NULL,
    fetched_at          TIMESTAMPTZ NOT NULL
);
