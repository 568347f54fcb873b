-- stg_runway_pricing__prices: Runway's API pricing page, one row per priced line per snapshot,
-- columns as the parser typed and named them (nothing to rename or cast): the one reader of its raw table.
with source as (
    select * from raw.raw_pricing__runway_pricing
),
renamed as (
    select
        model,
        credits_per_second,
        credits_per_second_max,
        usd_per_credit,
        price_usd_per_second,
        price_usd_per_second_max,
        unit,
        notes,
        record_index,
        snapshot_sha256,
        source_url,
        fetched_at
    from source
)
select * from renamed
