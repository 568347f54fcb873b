-- stg_curated__pricing: pricing.csv (curated, one cited price per row), typed and tidied: text cells
-- trimmed, empty cells NULL; clip length and the source's own USD per second as DOUBLE; the price as
-- written (price_text), as a DOUBLE when it is one number (price) and as both ends when it is a
-- range "20-40" (price_range_low/high, no single price); the currency upper-case ISO, or 'credits';
-- the as-of text as written (a day, a month or a phrase).
with source as (
    select * from raw.raw_curated__pricing
),
renamed as (
    select
        provider,
        nullif(trim(lab), '') as lab,
        nullif(trim(lab_country), '') as lab_country,
        model,
        nullif(trim(tier_or_mode), '') as tier_or_mode,
        nullif(trim(resolution), '') as resolution,
        try_cast(nullif(trim(clip_seconds), '') as double) as clip_seconds,
        price as price_text,
        try_cast(trim(price) as double) as price,
        try_cast(regexp_extract(price, '^\s*([0-9.]+)\s*-\s*([0-9.]+)\s*$', 1) as double) as price_range_low,
        try_cast(regexp_extract(price, '^\s*([0-9.]+)\s*-\s*([0-9.]+)\s*$', 2) as double) as price_range_high,
        case when lower(trim(currency)) = 'credits' then 'credits' else upper(trim(currency)) end as currency,
        unit,
        try_cast(nullif(trim(price_per_second_usd), '') as double) as price_per_second_usd,
        nullif(trim(as_of), '') as as_of_text,
        notes,
        source_url,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
