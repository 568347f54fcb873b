-- int_stock_prices: daily bars from every stock source, one row per ticker, day, source, series
-- (read_from = the repository a recorded CSV was read from, or Yahoo's host) and adjustment basis.
-- adjustment says what `close` is: raw (as traded), adjusted (dividend/split-adjusted at download),
-- mixed (rows appended at different times with different adjustment factors; see
-- stock_csv_series.csv). A yfinance_actions file (alm0421) gives two series: its raw OHLC bar and
-- its adj_close as a separate close-only `adjusted` series; they are never merged into one.
-- Yahoo symbols become our tickers through dim_listings (^HSI -> HSI). Where several snapshots of
-- one series hold the same day, the newest snapshot wins. is_last_bar marks the newest day of its
-- snapshot (a bar that may have been taken during the session); fetched_day is the fetch date in
-- the exchange's time zone.
with csv_rows as (
    select * from stg.stg_stock_csv__bars
),
bars as (
    select 'yahoo' as source, y.read_from, 'raw' as adjustment,
           coalesce(l.ticker, y.yahoo_symbol) as ticker, y.trade_date,
           y.open, y.high, y.low, y.close, y.volume, y.source_url, y.snapshot_sha256, y.fetched_at
    from stg.stg_yahoo__bars as y
    left join int.int_listings as l on l.yahoo_symbol = y.yahoo_symbol
    union all
    select 'stock_csv', c.read_from, coalesce(s.adjustment, 'unknown'), c.ticker, c.date,
           c.open, c.high, c.low, c.close, c.volume, c.source_url, c.snapshot_sha256, c.fetched_at
    from csv_rows as c
    left join stg.stg_curated__stock_csv_series as s on s.repository = c.read_from
    union all
    -- the adjusted close of a raw+adj_close file: its own close-only series
    select 'stock_csv', c.read_from, 'adjusted', c.ticker, c.date,
           null, null, null, c.adj_close, c.volume, c.source_url, c.snapshot_sha256, c.fetched_at
    from csv_rows as c
    where c.layout = 'yfinance_actions'
),
marked as (
    select *,
           trade_date = max(trade_date) over (partition by source, read_from, adjustment, ticker, snapshot_sha256)
               as is_last_bar
    from bars
    qualify row_number() over (partition by source, read_from, adjustment, ticker, trade_date
                               order by fetched_at desc, snapshot_sha256) = 1
)
select
    m.*,
    l.exchange,
    l.currency,
    l.exchange_timezone,
    cast(timezone(coalesce(l.exchange_timezone, 'UTC'), m.fetched_at) as date) as fetched_day
from marked as m
left join int.int_listings as l using (ticker)
