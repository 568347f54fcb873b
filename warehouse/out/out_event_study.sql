-- out_event_study: one row per launch x exposed listing. Cumulative abnormal returns (sums of daily
-- ARs, in percent) over trading-day windows [-1,+1] and [0,+5] around the event session, market-
-- adjusted (vs SPY for U.S. listings, the Hang Seng index for Hong Kong) and market-model (alpha,
-- beta by OLS on days -120..-11; NULL with fewer than 60 estimation days). t = CAR / (residual SD
-- of the estimation window x sqrt(window length)). A window's CAR is NULL unless every session of
-- it has a return. Confounders: a known earnings session of the same ticker (earnings_days.csv:
-- the announcement day's session for results before the open, the next session for results after
-- the close, both when the time of day is unknown) or another seeded event of the same ticker
-- inside the window.
-- Every seeded event x listing has a row, computed or not: window_status is 'complete', or
-- 'incomplete: ...' when the listing has no session on or after the event date or its [0,+5]
-- window runs past the listing's newest bar (the stock data ends first). An incomplete window's
-- CAR is NULL, never computed on the sessions that happen to exist; the [-1,+1] window keeps its
-- CAR when its three sessions exist.
with daily as (
    select * from out.out_event_study_daily
),
residuals as (
    select event_id, ticker,
           sqrt(sum(power(ar_market_model, 2)) / nullif(count(ar_market_model) - 2, 0)) as residual_sd
    from daily
    where rel_day between -120 and -11
    group by event_id, ticker
),
windows as (
    select
        event_id, ticker,
        any_value(event_date) as event_date,
        any_value(event_session_date) as event_session_date,
        any_value(benchmark_ticker) as benchmark_ticker,
        any_value(alpha) as alpha,
        any_value(beta) as beta,
        any_value(estimation_days) as estimation_days,
        max(stock_return) filter (where rel_day = 0) as day0_return,
        max(stock_return) filter (where rel_day = 1) as day1_return,
        max(ar_market_adjusted) filter (where rel_day = 0) as ar_day0_market_adjusted,
        max(ar_market_adjusted) filter (where rel_day = 1) as ar_day1_market_adjusted,
        min(trade_date) filter (where rel_day = -1) as m1_p1_start,
        max(trade_date) filter (where rel_day = 1) as m1_p1_end,
        max(trade_date) filter (where rel_day = 5) as p0_p5_end,
        max(rel_day) as last_rel_day,
        count(ar_market_adjusted) filter (where rel_day between -1 and 1) as m1_p1_days,
        count(ar_market_adjusted) filter (where rel_day between 0 and 5) as p0_p5_days,
        sum(ar_market_adjusted) filter (where rel_day between -1 and 1) as car_ma_m1_p1,
        sum(ar_market_adjusted) filter (where rel_day between 0 and 5) as car_ma_p0_p5,
        sum(ar_market_model) filter (where rel_day between -1 and 1) as car_mm_m1_p1,
        sum(ar_market_model) filter (where rel_day between 0 and 5) as car_mm_p0_p5,
        bool_or(is_provisional) filter (where rel_day between -1 and 5) as window_has_provisional_bar,
        bool_or(benchmark_date_gap) filter (where rel_day between -1 and 5) as window_has_benchmark_gap,
        string_agg(distinct source_url, ' ; ' order by source_url) as price_source_urls
    from daily
    group by event_id, ticker
),
earnings_sessions as (
    -- results before the open move the announcement day's session (the first on or after it);
    -- after the close, the next session; time of day unknown: both count
    select d.ticker, d.announcement_date, d.timing, d.period, s.trade_date as session_date
    from marts.fct_earnings_days as d
    join marts.fct_stock_sessions as s on s.ticker = d.ticker
    where (coalesce(d.timing, '') <> 'after close'
           and s.trade_date = (select min(x.trade_date) from marts.fct_stock_sessions as x
                               where x.ticker = d.ticker and x.trade_date >= d.announcement_date))
       or (coalesce(d.timing, '') <> 'before open'
           and s.trade_date = (select min(x.trade_date) from marts.fct_stock_sessions as x
                               where x.ticker = d.ticker and x.trade_date > d.announcement_date))
),
confounders as (
    select w.event_id, w.ticker,
           bool_or(es.session_date between w.m1_p1_start and w.m1_p1_end) as earnings_in_m1_p1,
           bool_or(es.session_date between w.event_session_date and w.p0_p5_end) as earnings_in_p0_p5,
           string_agg(distinct es.period || ' results ' || strftime(es.announcement_date, '%Y-%m-%d')
                      || coalesce(' ' || es.timing, ''), '; '
                      order by es.period || ' results ' || strftime(es.announcement_date, '%Y-%m-%d')
                               || coalesce(' ' || es.timing, ''))
               filter (where es.session_date between w.m1_p1_start and coalesce(w.p0_p5_end, w.m1_p1_end))
               as earnings_in_window
    from windows as w
    left join earnings_sessions as es on es.ticker = w.ticker
    group by w.event_id, w.ticker
),
data_ends as (
    select ticker, max(trade_date) as last_session from marts.fct_stock_sessions group by ticker
),
overlapping_events as (
    select w.event_id, w.ticker,
           string_agg(distinct o.event_id, '; ' order by o.event_id) as other_events_in_window
    from windows as w
    join marts.fct_market_events as o
      on o.ticker = w.ticker and o.event_id <> w.event_id
     and o.event_date between w.m1_p1_start and coalesce(w.p0_p5_end, w.m1_p1_end)
    group by w.event_id, w.ticker
)
select
    e.event_id,
    e.event_name,
    e.event_date,
    e.ticker,
    e.exposure,
    e.company_country_code,
    e.benchmark_ticker,
    w.event_session_date,
    w.event_session_date <> w.event_date as moved_to_next_session,
    case
        when w.event_id is null then 'incomplete: no ' || e.ticker || ' session on or after the event date (its data ends '
            || coalesce(strftime(d.last_session, '%Y-%m-%d'), 'never') || ')'
        when w.p0_p5_days < 6 and coalesce(w.last_rel_day, -1) < 5 then 'incomplete: the [0,+5] window runs past the '
            || e.ticker || ' data (it ends ' || strftime(d.last_session, '%Y-%m-%d') || ')'
        else 'complete'
    end as window_status,
    d.last_session as stock_data_ends,
    round(100 * w.day0_return, 4) as day0_return_pct,
    round(100 * w.day1_return, 4) as day1_return_pct,
    round(100 * w.ar_day0_market_adjusted, 4) as ar_day0_market_adjusted_pct,
    round(100 * w.ar_day1_market_adjusted, 4) as ar_day1_market_adjusted_pct,
    round(100 * case when w.m1_p1_days = 3 then w.car_ma_m1_p1 end, 4) as car_market_adjusted_m1_p1_pct,
    round(100 * case when w.p0_p5_days = 6 then w.car_ma_p0_p5 end, 4) as car_market_adjusted_p0_p5_pct,
    round(100 * case when w.m1_p1_days = 3 then w.car_mm_m1_p1 end, 4) as car_market_model_m1_p1_pct,
    round(100 * case when w.p0_p5_days = 6 then w.car_mm_p0_p5 end, 4) as car_market_model_p0_p5_pct,
    round(case when w.m1_p1_days = 3 then w.car_mm_m1_p1 / (r.residual_sd * sqrt(3)) end, 2) as t_market_model_m1_p1,
    round(case when w.p0_p5_days = 6 then w.car_mm_p0_p5 / (r.residual_sd * sqrt(6)) end, 2) as t_market_model_p0_p5,
    w.alpha,
    w.beta,
    w.estimation_days,
    round(100 * r.residual_sd, 4) as residual_sd_pct,
    coalesce(c.earnings_in_m1_p1, false) as earnings_in_m1_p1,
    coalesce(c.earnings_in_p0_p5, false) as earnings_in_p0_p5,
    c.earnings_in_window,
    o.other_events_in_window,
    coalesce(w.window_has_provisional_bar, false) as window_has_provisional_bar,
    coalesce(w.window_has_benchmark_gap, false) as window_has_benchmark_gap,
    e.release_date_matches,
    e.release_source_url,
    e.exposure_source_url,
    w.price_source_urls,
    e.curated_file,
    e.curated_row
from marts.fct_market_events as e
left join windows as w using (event_id, ticker)
left join data_ends as d on d.ticker = e.ticker
left join residuals as r using (event_id, ticker)
left join confounders as c using (event_id, ticker)
left join overlapping_events as o using (event_id, ticker)
order by e.event_date, e.event_id, e.ticker
