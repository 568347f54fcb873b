-- Hugging Face Hub /api/trending models as listed: one row per model per snapshot. downloads is the
-- Hub's rolling recent-downloads counter (not a lifetime total); pipeline_tag may be NULL; gated is
-- the Hub's value as text ('false', 'auto', 'manual').
CREATE TABLE IF NOT EXISTS raw.raw_openness__hf_trending (
    list_position       INTEGER NOT NULL,
    model_id            VARCHAR NOT NULL,
    author              VARCHAR NOT NULL,
    author_fullname     VARCHAR,
    author_type         VARCHAR,
    pipeline_tag        VARCHAR,
    downloads           BIGINT,
    likes               BIGINT,
    last_modified       VARCHAR,
    num_parameters      BIGINT,
    gated               VARCHAR,
    inference_providers INTEGER,
    record_index        INTEGER NOT NULL,
    snapshot_sha256     VARCHAR NOT NULL,
    source_url          VARCHAR NOT NULL,
    fetched_at          TIMESTAMPTZ NOT NULL
);
