-- out_market_moves_reported_vs_computed: every press-reported share move (market_moves_reported.csv)
-- beside the move computed from our prices for the same ticker and date: the close-to-close return
-- of that session (the preferred price source), or for a "year to date" figure the return from the
-- last close of the previous year. difference_pp = reported minus computed, in percentage points.
-- Intraday figures stay in the table but are marked not comparable with a close-to-close return.
with reported as (
    select * from marts.fct_market_moves_reported
),
computed as (
    select r.curated_row, s.trade_date, s.close, p.close as prev_close, s.simple_return,
           ytd.close as prior_year_close, s.source_url as price_source_url, s.snapshot_sha256
    from reported as r
    left join marts.fct_stock_sessions as s on s.ticker = r.ticker and s.trade_date = r.event_date
    left join marts.fct_stock_sessions as p on p.ticker = s.ticker and p.trade_date = s.prev_trade_date
    asof left join marts.fct_stock_sessions as ytd
        on ytd.ticker = r.ticker and ytd.trade_date < make_date(year(r.event_date), 1, 1)
)
select
    r.curated_row,
    r.event_date,
    r.ticker,
    r.exchange,
    r.period,
    r.trigger,
    r.reported_move_pct,
    r.reported_price_before,
    r.reported_price_after,
    c.prev_close as computed_prev_close,
    c.close as computed_close,
    round(100 * c.simple_return, 2) as computed_one_day_return_pct,
    case
        when r.period ilike 'year to date%' then 'year to date (close)'
        when r.period ilike '%intraday%' then 'not comparable (intraday figure)'
        else 'one trading day (close to close)'
    end as comparison,
    round(case
        when r.period ilike 'year to date%' then 100 * (c.close / c.prior_year_close - 1)
        when r.period ilike '%intraday%' then null
        else 100 * c.simple_return
    end, 2) as computed_comparable_pct,
    round(r.reported_move_pct - case
        when r.period ilike 'year to date%' then 100 * (c.close / c.prior_year_close - 1)
        when r.period ilike '%intraday%' then null
        else 100 * c.simple_return
    end, 2) + 0.0 as difference_pp,  -- + 0.0 turns a rounded -0.0 into 0.0
    r.source_url,
    r.notes,
    r.curated_file,
    c.price_source_url,
    c.snapshot_sha256 as price_snapshot_sha256
from reported as r
left join computed as c using (curated_row)
order by r.event_date, r.ticker, r.curated_row
