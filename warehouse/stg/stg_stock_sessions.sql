-- stg_stock_sessions: the trading sessions used for returns, per ticker: the preferred source's
-- bars without zero-volume placeholders, numbered in date order, with the close-to-close return
-- since the previous session (the first session has none).
select
    ticker,
    trade_date,
    close,
    is_provisional,
    source,
    source_url,
    snapshot_sha256,
    row_number() over w as session_index,
    lag(trade_date) over w as prev_trade_date,
    close / lag(close) over w - 1 as simple_return
from marts.fct_stock_prices
where is_preferred and not is_placeholder
window w as (partition by ticker order by trade_date)
