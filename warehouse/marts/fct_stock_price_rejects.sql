-- fct_stock_price_rejects: source rows that are not loaded as prices, with the reason, so that what
-- was left out stays countable (e.g. EA 2026-08-03: volume but empty prices on its delisting day).
select
    ticker,
    trade_date,
    source,
    read_from,
    adjustment,
    'no close price' as reason,
    open,
    high,
    low,
    close,
    volume,
    source_url,
    snapshot_sha256
from int.int_stock_prices
where close is null
order by ticker, trade_date, source, read_from, adjustment
