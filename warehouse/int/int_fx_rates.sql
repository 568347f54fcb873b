-- int_fx_rates: the FX resolution, one preferred CNY per USD rate per day; marts.fct_fx_rates
-- publishes it unchanged.
-- the CNY per USD rate per day, source and series (rate = CNY for 1 USD). Every
-- series is kept; disagreements between them are listed in fct_agreement_markets (family fx).
-- Preference rule (source_rank, lowest wins on each day): 1 a live FRED download
-- (fred.stlouisfed.org); 2 the byte-exact FRED copy read from vichobug/fx-hedging-sim; 3 the
-- transcribed FRED copy read from datasets/exchange-rates (it alone reaches 2026-09-25); 4 any
-- other FRED copy; 5 the ECB cross rate (CNY/EUR divided by USD/EUR), preferred only on days no
-- FRED series has (U.S. holidays, days past FRED's last value). Days without any source stay
-- absent: nothing is filled forward here.
with ranked as (
    select *,
           case
               when source = 'fred' and read_from = 'fred.stlouisfed.org' then 1
               when source = 'fred' and read_from = 'vichobug/fx-hedging-sim' then 2
               when source = 'fred' and read_from = 'datasets/exchange-rates' then 3
               when source = 'fred' then 4
               else 5
           end as source_rank
    from int.int_fx_series
)
select
    rate_date,
    'USD' as base_currency,
    'CNY' as quote_currency,
    rate,
    source,
    read_from,
    source_rank,
    row_number() over (partition by rate_date order by source_rank, read_from) = 1 as is_preferred,
    ecb_cny_per_eur,
    ecb_usd_per_eur,
    source_url,
    snapshot_sha256
from ranked
order by rate_date, source_rank
