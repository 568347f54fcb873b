-- dim_labs: one row per lab with its headquarters country (ISO alpha-2) and the basis for it,
-- parent company and listed ticker. labs.csv (curated) first; labs_supplement.csv (project-authored,
-- cited per row) adds labs the curated file lacks. An empty country stays NULL, shown as unknown.
with curated as (
    select
        lab_id,
        lab_name,
        nullif(trim(country_code), '') as country_code,
        nullif(trim(country_basis), '') as country_basis,
        nullif(trim(parent_company), '') as parent_company,
        nullif(trim(parent_ticker), '') as parent_ticker,
        cast(null as varchar) as basis_source_url,  -- labs.csv cites no URL; see curated_file/row
        curated_file,
        curated_row
    from raw.raw_curated__labs
),
supplement as (
    select
        lab_id,
        lab_name,
        nullif(trim(country_code), '') as country_code,
        nullif(trim(country_basis), '') as country_basis,
        nullif(trim(parent_company), '') as parent_company,
        nullif(trim(parent_ticker), '') as parent_ticker,
        source_url as basis_source_url,
        curated_file,
        curated_row
    from raw.raw_curated__labs_supplement
    where nullif(trim(lab_name), '') is not null
      and lab_id not in (select lab_id from curated)
)
select * from curated
union all by name
select * from supplement
