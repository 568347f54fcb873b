-- stg_stock_prices: daily bars from every stock source, one row per ticker, day and source. Yahoo
-- symbols become our tickers through dim_listings (^HSI -> HSI). Where several snapshots of a source
-- hold the same day, the newest snapshot wins. is_last_bar marks the newest day of its snapshot (a
-- bar that may have been taken during the session); fetched_day is the fetch date in the exchange's
-- time zone.
with bars as (
    select 'yahoo' as source, coalesce(l.ticker, y.ticker) as ticker, y.date as trade_date,
           y.open, y.high, y.low, y.close, y.volume, y.source_url, y.snapshot_sha256, y.fetched_at
    from raw.raw_stocks__yahoo as y
    left join marts.dim_listings as l on l.yahoo_symbol = y.ticker
    union all
    select 'stock_csv' as source, ticker, date as trade_date,
           open, high, low, close, volume, source_url, snapshot_sha256, fetched_at
    from raw.raw_stocks__stock_csv
),
marked as (
    select *, trade_date = max(trade_date) over (partition by source, ticker, snapshot_sha256) as is_last_bar
    from bars
    qualify row_number() over (partition by source, ticker, trade_date order by fetched_at desc, snapshot_sha256) = 1
)
select
    m.*,
    l.exchange,
    l.currency,
    l.exchange_timezone,
    cast(timezone(coalesce(l.exchange_timezone, 'UTC'), m.fetched_at) as date) as fetched_day
from marked as m
left join marts.dim_listings as l using (ticker)
