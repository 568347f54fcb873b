-- stg_gemini_pricing__prices: Google's Gemini API pricing page (Veo rows), one row per priced line per snapshot,
-- columns as the parser typed and named them (nothing to rename or cast): the one reader of its raw table.
with source as (
    select * from raw.raw_pricing__gemini_pricing
),
renamed as (
    select
        model,
        tier,
        description,
        price_usd,
        unit,
        resolution,
        audio,
        price_column,
        price_text,
        record_index,
        snapshot_sha256,
        source_url,
        fetched_at
    from source
)
select * from renamed
