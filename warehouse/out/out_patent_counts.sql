-- out_patent_counts: patent counts per scope, country and period as the dashboard shows them:
-- every row of fct_patent_counts (EPO OPS yearly counts per CPC scope and publication country;
-- curated WIPO / Stanford HAI anchor figures with their period as text), each with the WIPO 2024
-- GenAI patent-family anchor of the same country alongside (2014-2023; NULL where WIPO gives none),
-- so a yearly EPO series can be read against the published landscape figure.
with wipo as (
    select country_code, count as wipo_genai_families, period as wipo_period, source_url as wipo_source_url
    from marts.fct_patent_counts
    where record_source = 'patents_reported_csv' and source = 'WIPO 2024'
      and scope like 'generative AI inventions (WIPO%'
)
select
    f.record_source,
    f.source,
    f.scope,
    f.country_code,
    case when f.country_code in ('CN', 'US') then f.country_code
         when f.country_code = 'ALL' then 'all countries' else 'other' end as country_group,
    f.period,
    f.year,
    f.count,
    f.unit,
    f.is_lower_bound,
    w.wipo_genai_families,
    w.wipo_period,
    w.wipo_source_url,
    f.source_url,
    f.snapshot_sha256,
    f.curated_file,
    f.curated_row
from marts.fct_patent_counts as f
left join wipo as w on w.country_code = f.country_code
order by f.record_source, f.scope, f.country_code, f.period
