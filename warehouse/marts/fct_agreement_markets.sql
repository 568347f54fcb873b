-- fct_agreement_markets: where two sources carry the same market fact, how far they agree. One row
-- per fact and pair of sources (columns shared with fct_agreement_leaderboards):
--   stocks: the close of one ticker on one trading day in two repositories' series of the same
--     adjustment basis or of a raw and a mixed one (an `adjusted` adj_close series is compared only
--     with other adjusted or mixed series); tolerance 0.01 in the listing's currency (one cent: the
--     files are rounded to 4 decimals, so float32 noise is far below it; a dividend-adjusted segment
--     against a raw one exceeds it, and is meant to show).
--   fx: CNY per USD on one day in two series (FRED copies read from two repositories, a live FRED
--     download, the ECB cross rate); tolerance 0.0001 CNY between FRED series (4 decimals as
--     published), 0.05 CNY against the ECB cross rate (a different fixing time).
-- max_abs_diff in the fact's unit; n_over_tolerance counts compared days with |a - b| > tolerance;
-- compared_on names the matching key and the span of compared days. preferred_source and rule:
-- the source the facts use (is_preferred in fct_stock_prices / fct_fx_rates) and why.
with stock_series as (
    select p.ticker, p.trade_date, p.close, p.read_from, p.adjustment,
           p.source || ':' || p.read_from || ' (' || p.adjustment || ')' as series,
           coalesce(s.preference_rank, case when p.source = 'yahoo' then 0 else 9 end) as rank_
    from marts.fct_stock_prices as p
    left join stg.stg_curated__stock_csv_series as s on p.source = 'stock_csv' and s.repository = p.read_from
),
stock_pairs as (
    select 'stocks' as family, 'close ' || a.ticker as fact, a.series as source_a, b.series as source_b,
           a.trade_date as compared_day, abs(a.close - b.close) as abs_diff, 0.01 as tolerance,
           case when a.rank_ <= b.rank_ then a.series else b.series end as preferred_source,
           'per ticker and day: Yahoo (live), else the lowest preference_rank of stock_csv_series.csv '
           || '(alm0421 raw 1, older recordings 2, Stell0/financealerts 3, klevera 4); an adj_close series '
           || 'is never preferred over its own raw close' as rule
    from stock_series as a
    join stock_series as b
      on a.ticker = b.ticker and a.trade_date = b.trade_date and a.read_from < b.read_from
     and not (a.adjustment = 'adjusted' and b.adjustment = 'raw')
     and not (a.adjustment = 'raw' and b.adjustment = 'adjusted')
),
fx_series as (
    select rate_date, rate, source, source_rank, source || ':' || read_from as series from marts.fct_fx_rates
),
fx_pairs as (
    select 'fx' as family, 'cny_per_usd' as fact, a.series as source_a, b.series as source_b,
           a.rate_date as compared_day, abs(a.rate - b.rate) as abs_diff,
           case when a.source = 'fred' and b.source = 'fred' then 0.0001 else 0.05 end as tolerance,
           case when a.source_rank <= b.source_rank then a.series else b.series end as preferred_source,
           'per day: a live FRED download, then the byte-exact copy (vichobug/fx-hedging-sim), then the '
           || 'transcribed copy (datasets/exchange-rates), then the ECB cross rate' as rule
    from fx_series as a
    join fx_series as b on a.rate_date = b.rate_date and a.series < b.series
),
pairs as (
    select * from stock_pairs
    union all
    select * from fx_pairs
)
select
    family,
    fact,
    source_a,
    source_b,
    case family when 'stocks' then 'ticker, trade_date' else 'rate_date' end
        || ' (' || strftime(min(compared_day), '%Y-%m-%d') || ' → ' || strftime(max(compared_day), '%Y-%m-%d') || ')'
        as compared_on,
    count(*) as n_compared,
    count(*) filter (where abs_diff > tolerance + 1e-9) as n_over_tolerance,
    any_value(tolerance) as tolerance,
    round(max(abs_diff), 6) as max_abs_diff,
    any_value(preferred_source) as preferred_source,
    any_value(rule) as rule
from pairs
group by family, fact, source_a, source_b
order by family, fact, source_a, source_b
