-- fct_patent_counts: patent counts by query scope, country and period from two kinds of source,
-- side by side. (1) EPO OPS: publications per CPC scope x publication country x year (the newest
-- snapshot of each query; period = the year; none in replay, the source needs a free key).
-- (2) Curated anchor figures as published (WIPO 2024 GenAI patent families, Stanford HAI granted
-- AI patents): the period stays the text the source gives (e.g. 2014-2023), never spread over
-- years; year is NULL for them. country_code 'ALL' is the source's worldwide total. Counts the
-- source reports as "more than N" keep N with is_lower_bound = true; so does an EPO count at OPS's
-- 10000 cap. The OWID/CSET series (all AI, per million people) has another unit and lives in
-- fct_patent_applications_per_million.
with epo as (
    select
        'cpc ' || query_scope as scope,
        country_code,
        cast(year as varchar) as period,
        year,
        count,
        'published patent documents (EPO OPS search hits)' as unit,
        is_lower_bound,
        'EPO OPS' as source,
        'epo_ops' as record_source,
        cql_query,
        source_url,
        snapshot_sha256,
        fetched_at,
        cast(null as varchar) as curated_file,
        cast(null as integer) as curated_row,
        cast(null as varchar) as notes
    from stg.stg_epo_ops__publication_counts
),
curated as (
    select
        * exclude (count, unit, is_lower_bound, source, source_url, snapshot_sha256, curated_file, curated_row, notes),
        cast(null as integer) as year,
        count,
        unit,
        is_lower_bound,
        source,
        'patents_reported_csv' as record_source,
        cast(null as varchar) as cql_query,
        source_url,
        snapshot_sha256,
        cast(null as timestamptz) as fetched_at,
        curated_file,
        curated_row,
        notes
    from stg.stg_curated__patents_reported
)
select * from epo
union all by name
select * from curated
