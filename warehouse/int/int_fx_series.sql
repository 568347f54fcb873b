-- int_fx_series: CNY per USD per day, one row per source, series and day. source = where the numbers
-- come from (FRED DEXCHUS, noon buying rates in New York; or the ECB cross rate CNY per EUR / USD
-- per EUR of the same reference day, both legs from one snapshot). read_from = where the bytes were
-- read: the host for a live download, `owner/repo` for a recording read from a repository that
-- republishes FRED (vichobug/fx-hedging-sim, datasets/exchange-rates). Where several snapshots of
-- one series hold a day, the newest one wins (in the staging views).
with fred as (
    select rate_date, cny_per_usd as rate, source_url, snapshot_sha256, read_from,
           cast(null as double) as ecb_cny_per_eur, cast(null as double) as ecb_usd_per_eur
    from stg.stg_fred__cny_per_usd
),
ecb as (
    select rate_date, cny_per_eur / usd_per_eur as rate, source_url, snapshot_sha256,
           split_part(source_url, '/', 3) as read_from,
           cny_per_eur as ecb_cny_per_eur, usd_per_eur as ecb_usd_per_eur
    from stg.stg_ecb__reference_rates
)
select 'fred' as source, * from fred
union all by name
select 'ecb' as source, * from ecb
