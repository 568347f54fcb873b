-- LiteLLM's price catalogue, video_generation entries: one row per entry (model key) and priced
-- field per snapshot. resolution is the field's suffix (480p, 720p, 768p, 1080p, 2k, 4k) or NULL for
-- the entry's default rate (output_cost_per_second / output_cost_per_video_per_second), which LiteLLM
-- charges at every resolution without a field of its own. USD per output second. pricing_url is the
-- provider page LiteLLM cites for the entry (evidence), not where these bytes were read.
CREATE TABLE IF NOT EXISTS raw.raw_pricing__litellm_pricing (
    key                  VARCHAR NOT NULL,
    litellm_provider     VARCHAR NOT NULL,
    model                VARCHAR NOT NULL,
    resolution           VARCHAR,
    price_field          VARCHAR NOT NULL,
    price_usd_per_s      DOUBLE NOT NULL,
    input_cost_per_image DOUBLE,
    pricing_url          VARCHAR,
    deprecation_date     VARCHAR,
    supported_modalities VARCHAR,
    record_index         INTEGER NOT NULL,
    snapshot_sha256      VARCHAR NOT NULL,
    source_url           VARCHAR NOT NULL,
    fetched_at           TIMESTAMPTZ NOT NULL
);
