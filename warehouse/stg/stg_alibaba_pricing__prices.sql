-- stg_alibaba_pricing__prices: Alibaba Cloud Model Studio's pricing page, one row per priced line per snapshot,
-- columns as the parser typed and named them (nothing to rename or cast): the one reader of its raw table.
with source as (
    select * from raw.raw_pricing__alibaba_pricing
),
renamed as (
    select
        model,
        resolution,
        price,
        currency,
        unit,
        price_text,
        section,
        record_index,
        snapshot_sha256,
        source_url,
        fetched_at
    from source
)
select * from renamed
