-- Alibaba Cloud Model Studio prices as written: one row per model, resolution and price per
-- second, in the page's currency (CNY on the mainland page, USD on the international one), with
-- the page section (region) the table sits under.
CREATE TABLE IF NOT EXISTS raw.raw_pricing__alibaba_pricing (
    model           VARCHAR NOT NULL,
    resolution      VARCHAR,
    price           DOUBLE NOT NULL,
    currency        VARCHAR NOT NULL,
    unit            VARCHAR NOT NULL,
    price_text      VARCHAR,
    section         VARCHAR,
    record_index    INTEGER NOT NULL,
    snapshot_sha256 VARCHAR NOT NULL,
    source_url      VARCHAR NOT NULL,
    fetched_at      TIMESTAMPTZ NOT NULL
);
