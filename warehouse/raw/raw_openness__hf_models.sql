-- Hugging Face Hub models lists (text-to-video, image-to-video, by downloads) as the API gives
-- them: one row per model per snapshot (one page), author and licence tag as written.
CREATE TABLE IF NOT EXISTS raw.raw_openness__hf_models (
    model_id        VARCHAR NOT NULL,
    author          VARCHAR,
    pipeline_tag    VARCHAR,
    downloads       BIGINT,
    likes           BIGINT,
    created_at      VARCHAR,
    license         VARCHAR,
    library_name    VARCHAR,
    record_index    INTEGER NOT NULL,
    snapshot_sha256 VARCHAR NOT NULL,
    source_url      VARCHAR NOT NULL,
    fetched_at      TIMESTAMPTZ NOT NULL
);
