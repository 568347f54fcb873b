-- stg_fx_rates: CNY per USD per day, one row per source and day. FRED DEXCHUS as published (noon
-- buying rates in New York). ECB: the cross rate CNY per EUR / USD per EUR of the same reference
-- day, both legs from the same snapshot. Where several snapshots hold a day, the newest one wins.
with fred as (
    select date as rate_date, cny_per_usd as rate, source_url, snapshot_sha256,
           cast(null as double) as ecb_cny_per_eur, cast(null as double) as ecb_usd_per_eur
    from raw.raw_fx__fred
    qualify row_number() over (partition by date order by fetched_at desc, snapshot_sha256) = 1
),
ecb_legs as (
    select date, snapshot_sha256, any_value(source_url) as source_url, any_value(fetched_at) as fetched_at,
           max(per_eur) filter (where currency = 'CNY') as cny_per_eur,
           max(per_eur) filter (where currency = 'USD') as usd_per_eur
    from raw.raw_fx__ecb
    where currency in ('CNY', 'USD')
    group by date, snapshot_sha256
),
ecb as (
    select date as rate_date, cny_per_eur / usd_per_eur as rate, source_url, snapshot_sha256,
           cny_per_eur as ecb_cny_per_eur, usd_per_eur as ecb_usd_per_eur
    from ecb_legs
    where cny_per_eur is not null and usd_per_eur is not null and usd_per_eur > 0
    qualify row_number() over (partition by date order by fetched_at desc, snapshot_sha256) = 1
)
select 'fred' as source, * from fred
union all by name
select 'ecb' as source, * from ecb
