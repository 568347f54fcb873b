-- daily bars of the recorded price CSVs as written (ticker = the manifest label), prices rounded
-- to 4 decimals; columns a layout lacks are NULL (adj_close, dividend and split_ratio exist only in
-- the yfinance_actions layout; close_only has no OHLV). layout = the header layout the parser
-- recognised. A row with empty prices (EA's delisting day) is kept with NULL prices.
CREATE TABLE IF NOT EXISTS raw.raw_stocks__stock_csv (
    ticker          VARCHAR NOT NULL,
    date            DATE NOT NULL,
    open            DOUBLE,
    high            DOUBLE,
    low             DOUBLE,
    close           DOUBLE,
    adj_close       DOUBLE,
    volume          BIGINT,
    dividend        DOUBLE,
    split_ratio     DOUBLE,
    layout          VARCHAR NOT NULL,
    record_index    INTEGER NOT NULL,
    snapshot_sha256 VARCHAR NOT NULL,
    source_url      VARCHAR NOT NULL,
    fetched_at      TIMESTAMPTZ NOT NULL
);
