-- fct_fx_rates: the CNY per USD rate per day and source (rate = CNY for 1 USD). FRED DEXCHUS is the
-- preferred source; the ECB cross rate (CNY/EUR divided by USD/EUR) is kept beside it and becomes
-- the preferred rate only on days FRED lacks (U.S. holidays, or days past FRED's last value).
-- Days without any source stay absent: nothing is filled forward here.
select
    rate_date,
    'USD' as base_currency,
    'CNY' as quote_currency,
    rate,
    source,
    source = 'fred' or not exists (
        select 1 from stg.stg_fx_rates as f where f.source = 'fred' and f.rate_date = r.rate_date
    ) as is_preferred,
    ecb_cny_per_eur,
    ecb_usd_per_eur,
    source_url,
    snapshot_sha256
from stg.stg_fx_rates as r
order by rate_date, source
