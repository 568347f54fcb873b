-- Gemini API pricing page, Veo rows as written: one row per "$x" amount with its model heading,
-- tier tab, row description, billing column, unit, resolution and audio as the page says them.
CREATE TABLE IF NOT EXISTS raw.raw_pricing__gemini_pricing (
    model           VARCHAR NOT NULL,
    tier            VARCHAR,
    description     VARCHAR,
    price_usd       DOUBLE NOT NULL,
    unit            VARCHAR,
    resolution      VARCHAR,
    audio           BOOLEAN,
    price_column    VARCHAR,
    price_text      VARCHAR,
    record_index    INTEGER NOT NULL,
    snapshot_sha256 VARCHAR NOT NULL,
    source_url      VARCHAR NOT NULL,
    fetched_at      TIMESTAMPTZ NOT NULL
);
