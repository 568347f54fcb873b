-- daily OHLCV rows of the recorded price CSVs as written (ticker = the manifest label), prices
-- rounded to 4 decimals; a row with empty prices (EA's delisting day) is kept with NULL prices.
CREATE TABLE IF NOT EXISTS raw.raw_stocks__stock_csv (
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
