-- stg_fred__cny_per_usd: FRED DEXCHUS, CNY per USD per day, one row per place the bytes were read and
-- day (read_from: the host for a live download, `owner/repo` for a recording read from a repository
-- that republishes FRED, e.g. vichobug/fx-hedging-sim); where several snapshots of one series hold a
-- day, the newest one wins.
with source as (
    select * from raw.raw_fx__fred
),
renamed as (
    select
        date as rate_date,
        cny_per_usd,
        source_url,
        snapshot_sha256,
        fetched_at,
        case when source_url like 'https://raw.githubusercontent.com/%'
             then split_part(source_url, '/', 4) || '/' || split_part(source_url, '/', 5)
             else split_part(source_url, '/', 3) end as read_from
    from source
)
select * exclude (fetched_at) from renamed
qualify row_number() over (partition by read_from, rate_date order by fetched_at desc, snapshot_sha256) = 1
