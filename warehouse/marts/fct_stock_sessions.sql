-- fct_stock_sessions: the trading sessions used for returns, per ticker: the preferred bar of each
-- day without zero-volume placeholders, numbered in date order, with the close-to-close return
-- since the previous session (the first session has none). switches_series: the previous session's
-- bar came from another series or adjustment basis (e.g. alm0421 raw to klevera after 2026-09-25),
-- so this return joins two sources and is flagged, not hidden.
select
    ticker,
    trade_date,
    close,
    is_provisional,
    source,
    read_from,
    adjustment,
    source_url,
    snapshot_sha256,
    row_number() over w as session_index,
    lag(trade_date) over w as prev_trade_date,
    close / lag(close) over w - 1 as simple_return,
    coalesce(lag(read_from || '|' || adjustment) over w <> read_from || '|' || adjustment, false) as switches_series
from marts.fct_stock_prices
where is_preferred and not is_placeholder
window w as (partition by ticker order by trade_date)
order by ticker, trade_date
