-- stg_yahoo__bars: Yahoo Finance daily bars as traded (not adjusted), one row per snapshot, symbol
-- and day, the symbol as Yahoo spells it (^HSI); read_from = Yahoo's host.
with source as (
    select * from raw.raw_stocks__yahoo
),
renamed as (
    select
        ticker as yahoo_symbol,
        date as trade_date,
        open,
        high,
        low,
        close,
        volume,
        split_part(source_url, '/', 3) as read_from,
        source_url,
        snapshot_sha256,
        fetched_at
    from source
)
select * from renamed
