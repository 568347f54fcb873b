-- int_labs: the lab resolution every family joins; marts.dim_labs publishes it unchanged.
-- one row per lab with its headquarters country (ISO alpha-2) and the basis for it,
-- parent company and listed ticker. labs.csv (curated) first; labs_supplement.csv (project-authored,
-- cited per row) adds labs the curated file lacks. An empty country stays NULL, shown as unknown.
-- basis_source_url / basis_source_kind (filing, own_page, secondary, none) / country_source_basis:
-- what supports the country, per row; an empty URL means nothing is cited (never invented).
with curated as (
    select
        lab_id,
        lab_name,
        country_code,
        country_basis,
        parent_company,
        parent_ticker,
        source_url as basis_source_url,  -- NULL where nothing is cited (source_kind none)
        source_kind as basis_source_kind,
        country_source_basis,
        curated_file,
        curated_row
    from stg.stg_curated__labs
),
supplement as (
    select
        lab_id,
        lab_name,
        country_code,
        country_basis,
        parent_company,
        parent_ticker,
        source_url as basis_source_url,
        'secondary' as basis_source_kind,
        'labs_supplement.csv (project-authored): ' || country_basis as country_source_basis,
        curated_file,
        curated_row
    from stg.stg_curated__labs_supplement
    where nullif(trim(lab_name), '') is not null
      and lab_id not in (select lab_id from curated)
)
select * from curated
union all by name
select * from supplement
