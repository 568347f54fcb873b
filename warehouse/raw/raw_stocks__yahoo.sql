-- Yahoo Finance v8 chart bars as returned: symbol as Yahoo spells it (^HSI), trading date in the
-- exchange's time zone, prices rounded to 4 decimals, nulls kept where Yahoo has no value.
CREATE TABLE IF NOT EXISTS raw.raw_stocks__yahoo (
    ticker          VARCHAR NOT NULL,
    date            DATE NOT NULL,
    open            DOUBLE,
    high            DOUBLE,
    low             DOUBLE,
    close           DOUBLE,
    volume          BIGINT,
    record_index    INTEGER NOT NULL,
    snapshot_sha256 VARCHAR NOT NULL,
    source_url      VARCHAR NOT NULL,
    fetched_at      TIMESTAMPTZ NOT NULL
);
