-- stg_fal_pricing__prices: fal.ai's model pricing API, one row per priced line per snapshot,
-- columns as the parser typed and named them (nothing to rename or cast): the one reader of its raw table.
with source as (
    select * from raw.raw_pricing__fal_pricing
),
renamed as (
    select
        endpoint_id,
        unit_price,
        unit,
        currency,
        price_text,
        shape,
        record_index,
        snapshot_sha256,
        source_url,
        fetched_at
    from source
)
select * from renamed
