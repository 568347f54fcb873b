-- stg_curated__market_moves_reported: market_moves_reported.csv (project-authored, one cited row per
-- press-reported share move), typed: dates as DATE, percentages and prices as DOUBLE, empty prices
-- as NULL (not reported).
with source as (
    select * from raw.raw_curated__market_moves_reported
),
renamed as (
    select
        curated_row,
        cast(event_date as date) as event_date,
        ticker,
        exchange,
        cast(reported_move_pct as double) as reported_move_pct,
        period,
        try_cast(nullif(price_before, '') as double) as reported_price_before,
        try_cast(nullif(price_after, '') as double) as reported_price_after,
        trigger,
        source_url,
        notes,
        curated_file
    from source
)
select * from renamed
