-- stg_curated__earnings_days: earnings_days.csv (project-authored, one cited row per announcement),
-- typed: the announcement date as a DATE, an empty time of day as NULL (unknown).
with source as (
    select * from raw.raw_curated__earnings_days
),
renamed as (
    select
        ticker,
        cast(announcement_date as date) as announcement_date,
        nullif(timing, '') as timing,
        period,
        source_url,
        notes,
        curated_file,
        curated_row
    from source
)
select * from renamed
