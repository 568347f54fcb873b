-- fct_stock_prices: one daily bar per ticker, trading day, source, series (read_from) and
-- adjustment basis (prices in the listing's currency; yfinance files carry float32 noise, rounded
-- to 4 decimals by the parser). Every series is kept; where two repositories hold the same ticker
-- and day, fct_agreement_markets lists how far they differ. Rows without a close are not facts:
-- they go to fct_stock_price_rejects with the reason. is_placeholder: a zero-volume bar (HK
-- half-day / holiday artefacts). is_provisional: a placeholder, or the newest bar of a snapshot
-- that was probably taken during the session (a U.S. bar whose volume is not a round hundred; a
-- Yahoo bar fetched on its own trading day).
-- is_preferred (the bar used downstream) follows one written rule, per ticker and day: Yahoo (live)
-- when it has the day; else the recorded series with the lowest preference_rank in
-- warehouse/seeds/stock_csv_series.csv (1 alm0421 raw OHLC; 2 the older recordings, mixed basis;
-- 3 Stell0/financealerts, adjusted; 4 klevera, close only, mixed), never an `adjusted` series of a
-- file that also gives the raw one. When the preferred series changes from one day to the next,
-- fct_stock_sessions flags the return across the change (switches_series): nothing is spliced
-- silently.
with facts as (
    select p.*, coalesce(s.preference_rank, 9) as series_rank,
           p.adjustment = 'adjusted' and bool_or(p.adjustment = 'raw')
               over (partition by p.source, p.read_from, p.ticker, p.trade_date) as has_raw_twin
    from int.int_stock_prices as p
    left join stg.stg_curated__stock_csv_series as s on p.source = 'stock_csv' and s.repository = p.read_from
    where p.close is not null
)
select
    ticker,
    trade_date,
    open,
    high,
    low,
    close,
    volume,
    currency,
    exchange,
    exchange_timezone,
    source,
    read_from,
    adjustment,
    coalesce(volume = 0, false) as is_placeholder,
    coalesce(volume = 0
        or (is_last_bar and exchange in ('NYSE', 'NASDAQ', 'NYSE Arca') and volume % 100 <> 0)
        or (is_last_bar and source = 'yahoo' and fetched_day <= trade_date), false) as is_provisional,
    case
        when volume = 0 then 'zero-volume placeholder bar'
        when is_last_bar and exchange in ('NYSE', 'NASDAQ', 'NYSE Arca') and volume % 100 <> 0
            then 'newest bar of its file with a volume that is not a round hundred (taken during the session)'
        when is_last_bar and source = 'yahoo' and fetched_day <= trade_date
            then 'newest bar, fetched on its own trading day'
    end as provisional_reason,
    row_number() over (partition by ticker, trade_date
                       order by source = 'yahoo' desc,
                                has_raw_twin,
                                series_rank, read_from, adjustment) = 1 as is_preferred,
    source_url,
    snapshot_sha256
from facts
order by ticker, trade_date, source, read_from, adjustment
