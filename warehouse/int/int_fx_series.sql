-- int_fx_series: CNY per USD per day, one row per source, series and day. source = where the numbers
-- come from (FRED DEXCHUS, noon buying rates in New York; or the ECB cross rate CNY per EUR / USD
-- per EUR of the same reference day, both legs from one snapshot). read_from = where the bytes were
-- read: the host for a live download, `owner/repo` for a recording read from a repository that
-- republishes FRED (vichobug/fx-hedging-sim, datasets/exchange-rates). Where several snapshots of
-- one series hold a day, the newest one wins.
with fred as (
    select date as rate_date, cny_per_usd as rate, source_url, snapshot_sha256, fetched_at,
           case when source_url like 'https://raw.githubusercontent.com/%'
                then split_part(source_url, '/', 4) || '/' || split_part(source_url, '/', 5)
                else split_part(source_url, '/', 3) end as read_from,
           cast(null as double) as ecb_cny_per_eur, cast(null as double) as ecb_usd_per_eur
    from raw.raw_fx__fred
),
fred_latest as (
    select * exclude (fetched_at) from fred
    qualify row_number() over (partition by read_from, rate_date order by fetched_at desc, snapshot_sha256) = 1
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
           split_part(source_url, '/', 3) as read_from,
           cny_per_eur as ecb_cny_per_eur, usd_per_eur as ecb_usd_per_eur
    from ecb_legs
    where cny_per_eur is not null and usd_per_eur is not null and usd_per_eur > 0
    qualify row_number() over (partition by date order by fetched_at desc, snapshot_sha256) = 1
)
select 'fred' as source, * from fred_latest
union all by name
select 'ecb' as source, * from ecb
