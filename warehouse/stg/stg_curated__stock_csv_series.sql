-- stg_curated__stock_csv_series: stock_csv_series.csv (one row per recorded stock repository: the
-- adjustment basis of its closes and its preference rank), typed: the rank as an integer.
with source as (
    select * from raw.raw_curated__stock_csv_series
),
renamed as (
    select
        repository,
        adjustment,
        cast(preference_rank as integer) as preference_rank,
        basis,
        source_url,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
