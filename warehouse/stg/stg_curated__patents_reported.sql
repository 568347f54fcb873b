-- stg_curated__patents_reported: patents_reported.csv (published anchor figures, one cited row per
-- figure), typed: counts as integers, country codes upper-case, the period as written, empty notes
-- NULL; a count the source reports as "more than N" (or a unit that says lower bound) keeps N with
-- is_lower_bound = true.
with source as (
    select * from raw.raw_curated__patents_reported
),
renamed as (
    select
        scope,
        upper(trim(country_code)) as country_code,
        trim(period) as period,
        cast(count as bigint) as count,
        unit,
        coalesce(lower(unit) like '%lower bound%' or lower(notes) like '%more than%', false) as is_lower_bound,
        source,
        source_url,
        snapshot_sha256,
        curated_file,
        cast(curated_row as integer) as curated_row,
        nullif(notes, '') as notes
    from source
)
select * from renamed
