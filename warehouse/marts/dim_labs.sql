-- dim_labs: one row per lab with its headquarters country (ISO alpha-2) and the basis for it,
-- parent company and listed ticker. labs.csv (curated) first; labs_supplement.csv (project-authored,
-- cited per row) adds labs the curated file lacks. An empty country stays NULL, shown as unknown.
-- basis_source_url / basis_source_kind (filing, own_page, secondary, none) / country_source_basis:
-- what supports the country, per row; an empty URL means nothing is cited (never invented).
select * from int.int_labs
