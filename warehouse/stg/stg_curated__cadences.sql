-- stg_curated__cadences: each cadence's schedule and the oldest its data may be
-- (warehouse/seeds/cadences.csv), typed.
with source as (
    select * from raw.raw_curated__cadences
),
renamed as (
    select cadence, cron_utc, cast(max_age_days as integer) as max_age_days, basis, curated_file, curated_row
    from source
)
select * from renamed
