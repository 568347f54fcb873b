-- stg_curated__openrouter_authors: openrouter_authors.csv (an OpenRouter permaslug owner's lab and
-- origin, cited per row), tidied: an empty lab or country NULL (unknown).
with source as (
    select * from raw.raw_curated__openrouter_authors
),
renamed as (
    select
        author,
        nullif(lab_id, '') as lab_id,
        nullif(country_code, '') as country_code,
        source_url,
        basis,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
