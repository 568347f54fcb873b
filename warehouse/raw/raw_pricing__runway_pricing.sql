-- Runway API reference as written: one row per video model priced in credits per second (a range
-- keeps both ends), with the dollar value of one credit the pipeline passed to the parser (the
-- cited row of warehouse/seeds/unit_prices.csv; NULL when parsed without it).
CREATE TABLE IF NOT EXISTS raw.raw_pricing__runway_pricing (
    model                    VARCHAR NOT NULL,
    credits_per_second       DOUBLE NOT NULL,
    credits_per_second_max   DOUBLE,
    usd_per_credit           DOUBLE,
    price_usd_per_second     DOUBLE,
    price_usd_per_second_max DOUBLE,
    unit                     VARCHAR,
    notes                    VARCHAR,
    record_index             INTEGER NOT NULL,
    snapshot_sha256          VARCHAR NOT NULL,
    source_url               VARCHAR NOT NULL,
    fetched_at               TIMESTAMPTZ NOT NULL
);
