-- out_event_study_daily: for each launch x exposed listing, every session from 120 before to 10
-- after the event session (rel_day 0 = the first session of the listing on or after the event
-- date, so a launch on a non-trading day moves to the next session in the listing's exchange
-- calendar). Returns are close to close. The benchmark return is taken over the same two dates of
-- the listing's calendar (the benchmark's last close on or before each date; benchmark_date_gap
-- marks a day the benchmark has no bar of its own). market-adjusted AR = return - benchmark return;
-- market-model AR = return - (alpha + beta * benchmark return), alpha and beta by OLS over
-- rel_day -120..-11 (regr_intercept / regr_slope), only when at least 60 estimation days exist.
with events as (
    select e.*, s.trade_date as event_session_date, s.session_index as event_session_index
    from marts.fct_market_events as e
    asof join marts.fct_stock_sessions as s on s.ticker = e.ticker and s.trade_date >= e.event_date
),
sessions as (
    select s.*, b_now.trade_date as benchmark_date, b_now.close as benchmark_close,
           b_prev.close as benchmark_prev_close
    from marts.fct_stock_sessions as s
    join marts.dim_listings as l using (ticker)
    asof left join marts.fct_stock_sessions as b_now
        on b_now.ticker = l.benchmark_ticker and b_now.trade_date <= s.trade_date
    asof left join marts.fct_stock_sessions as b_prev
        on b_prev.ticker = l.benchmark_ticker and b_prev.trade_date <= s.prev_trade_date
),
windowed as (
    select
        e.event_id, e.ticker, e.benchmark_ticker, e.event_date, e.event_session_date,
        s.session_index - e.event_session_index as rel_day,
        s.trade_date, s.close, s.simple_return as stock_return,
        s.benchmark_close,
        s.benchmark_close / s.benchmark_prev_close - 1 as benchmark_return,
        s.benchmark_date <> s.trade_date as benchmark_date_gap,
        s.is_provisional, s.source, s.source_url, s.snapshot_sha256
    from events as e
    join sessions as s on s.ticker = e.ticker
     and s.session_index - e.event_session_index between -120 and 10
),
model as (
    -- ordered by day: DuckDB's threads otherwise hand rows over in any order, and the float sums
    -- differ in their last bits from one rebuild to the next
    select event_id, ticker,
           regr_intercept(stock_return, benchmark_return order by rel_day) as alpha,
           regr_slope(stock_return, benchmark_return order by rel_day) as beta,
           regr_count(stock_return, benchmark_return) as estimation_days
    from windowed
    where rel_day between -120 and -11
    group by event_id, ticker
)
select
    w.*,
    w.stock_return - w.benchmark_return as ar_market_adjusted,
    case when m.estimation_days >= 60 then w.stock_return - (m.alpha + m.beta * w.benchmark_return) end
        as ar_market_model,
    case when m.estimation_days >= 60 then m.alpha end as alpha,
    case when m.estimation_days >= 60 then m.beta end as beta,
    m.estimation_days
from windowed as w
left join model as m using (event_id, ticker)
order by w.event_id, w.ticker, w.rel_day
