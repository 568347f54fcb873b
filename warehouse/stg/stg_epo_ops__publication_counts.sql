-- stg_epo_ops__publication_counts: EPO OPS search hit counts, one row per CPC query scope,
-- publication country and year (the newest snapshot of each query). The recorded client examples
-- (ti=battery, pa=Siemens) carry no scope of ours and are left out: they are not counts of ours.
with source as (
    select * from raw.raw_patents__epo_ops
    where query_scope is not null
    qualify row_number() over (partition by query_scope, publication_country, publication_year
                               order by fetched_at desc, snapshot_sha256) = 1
),
renamed as (
    select
        query_scope,
        publication_country as country_code,
        publication_year as year,
        total_result_count as count,
        count_is_lower_bound as is_lower_bound,  -- OPS caps total-result-count at 10000
        cql_query,
        source_url,
        snapshot_sha256,
        fetched_at
    from source
)
select * from renamed
