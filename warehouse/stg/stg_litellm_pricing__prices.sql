-- stg_litellm_pricing__prices: the LiteLLM model catalogue (video entries), one row per priced line per snapshot,
-- columns as the parser typed and named them (nothing to rename or cast): the one reader of its raw table.
with source as (
    select * from raw.raw_pricing__litellm_pricing
),
renamed as (
    select
        key,
        litellm_provider,
        model,
        resolution,
        price_field,
        price_usd_per_s,
        input_cost_per_image,
        pricing_url,
        deprecation_date,
        supported_modalities,
        record_index,
        snapshot_sha256,
        source_url,
        fetched_at
    from source
)
select * from renamed
