-- stg_curated__labs_supplement: labs_supplement.csv (project-authored, one cited row per lab the
-- curated labs.csv lacks), tidied: the country, its basis, the parent company and ticker trimmed,
-- empty cells NULL; the name and the source URL as written.
with source as (
    select * from raw.raw_curated__labs_supplement
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
        source_url,
        notes,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
