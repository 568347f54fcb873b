-- stg_curated__unit_prices: unit_prices.csv (the cited USD value of a provider's billing unit, e.g.
-- a Runway credit), typed: the USD value as a DOUBLE, the as-of day as a DATE.
with source as (
    select * from raw.raw_curated__unit_prices
),
renamed as (
    select
        provider,
        unit,
        cast(usd_per_unit as double) as usd_per_unit,
        cast(as_of as date) as as_of,
        source_url,
        basis,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
