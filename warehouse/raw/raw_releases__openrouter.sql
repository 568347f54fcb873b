-- OpenRouter models list as published: one row per model per snapshot (all output modalities;
-- is_video_output flags video models), `created` as unix seconds and as a UTC date.
CREATE TABLE IF NOT EXISTS raw.raw_releases__openrouter (
    model_id          VARCHAR NOT NULL,
    name              VARCHAR,
    created_date      DATE NOT NULL,
    created_unix      BIGINT NOT NULL,
    output_modalities VARCHAR NOT NULL,
    is_video_output   BOOLEAN NOT NULL,
    pricing_json      VARCHAR,
    record_index      INTEGER NOT NULL,
    snapshot_sha256   VARCHAR NOT NULL,
    source_url        VARCHAR NOT NULL,
    fetched_at        TIMESTAMPTZ NOT NULL
);
