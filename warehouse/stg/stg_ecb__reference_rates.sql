-- stg_ecb__reference_rates: the ECB euro reference rates for CNY and USD, one row per reference day
-- with both legs from the newest snapshot holding that day (a day missing either leg is left out).
with source as (
    select * from raw.raw_fx__ecb
    where currency in ('CNY', 'USD')
),
legs as (
    select date as rate_date, snapshot_sha256, any_value(source_url) as source_url, any_value(fetched_at) as fetched_at,
           max(per_eur) filter (where currency = 'CNY') as cny_per_eur,
           max(per_eur) filter (where currency = 'USD') as usd_per_eur
    from source
    group by date, snapshot_sha256
)
select rate_date, cny_per_eur, usd_per_eur, source_url, snapshot_sha256
from legs
where cny_per_eur is not null and usd_per_eur is not null and usd_per_eur > 0
qualify row_number() over (partition by rate_date order by fetched_at desc, snapshot_sha256) = 1
