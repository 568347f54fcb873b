-- fal.ai prices as answered: the Platform API (endpoint_id, unit_price, unit, currency) or the
-- public pricing page (model label, the price the row states, its text); `shape` says which.
CREATE TABLE IF NOT EXISTS raw.raw_pricing__fal_pricing (
    endpoint_id     VARCHAR NOT NULL,
    unit_price      DOUBLE NOT NULL,
    unit            VARCHAR,
    currency        VARCHAR,
    price_text      VARCHAR,
    shape           VARCHAR NOT NULL,
    record_index    INTEGER NOT NULL,
    snapshot_sha256 VARCHAR NOT NULL,
    source_url      VARCHAR NOT NULL,
    fetched_at      TIMESTAMPTZ NOT NULL
);
