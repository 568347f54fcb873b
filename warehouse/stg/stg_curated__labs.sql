-- stg_curated__labs: labs.csv (curated, one row per lab with its headquarters country and what
-- supports it), tidied: the country, its basis, the parent company and ticker and the source URL
-- trimmed, empty cells NULL (an empty URL: nothing is cited). The arena vendor aliases stay as
-- written (';'-separated).
with source as (
    select * from raw.raw_curated__labs
),
renamed as (
    select
        lab_id,
        lab_name,
        nullif(trim(country_code), '') as country_code,
        nullif(trim(country_basis), '') as country_basis,
        nullif(trim(parent_company), '') as parent_company,
        nullif(trim(parent_ticker), '') as parent_ticker,
        arena_vendor_aliases,
        nullif(trim(source_url), '') as source_url,
        source_kind,
        country_source_basis,
        notes,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
