-- fct_stock_prices: one daily bar per ticker, trading day and source (prices in the listing's
-- currency; yfinance files carry float32 noise, rounded to 4 decimals by the parser). Rows without
-- a close are not facts: they go to fct_stock_price_rejects with the reason. is_placeholder: a
-- zero-volume bar (HK half-day / holiday artefacts, HSI 2026-08-04 and 2026-08-27 in the
-- recordings). is_provisional: a placeholder, or the newest bar of a snapshot that was probably
-- taken during the session (a U.S. bar whose volume is not a round hundred, as on 2026-08-13 in the
-- recordings; a Yahoo bar fetched on its own trading day). is_preferred: the source used downstream
-- for that ticker and day (Yahoo when it has the day, else the recorded CSVs).
with facts as (
    select * from stg.stg_stock_prices where close is not null
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
    row_number() over (partition by ticker, trade_date order by source = 'yahoo' desc, source) = 1 as is_preferred,
    source_url,
    snapshot_sha256
from facts
order by ticker, trade_date, source
