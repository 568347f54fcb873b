-- out_cadence_quarterly: release events per calendar quarter, country group (CN, US, other, unknown)
-- and release type (announce / preview / ga / api / open_weights; 'unknown' where the source gives
-- none), counted on the fct_releases rows with counts_in_cadence (one preferred row per release,
-- curated or OpenRouter, dated at least to the month: a month-only date falls in its quarter, a
-- year-only or missing date is left out). A version announced and later made GA counts once per type.
select
    release_quarter,
    cast(left(release_quarter, 4) as integer) as release_year,
    cast(right(release_quarter, 1) as integer) as quarter_of_year,
    case when country_code in ('CN', 'US') then country_code when country_code is null then 'unknown' else 'other' end
        as country_group,
    coalesce(release_type, 'unknown') as release_type,
    count(*) as releases,
    count(*) filter (where date_precision = 'month') as month_precision_releases,
    string_agg(model || coalesce(' ' || version, '') || ' (' || release_date_text || ')', '; '
               order by release_date_text, model, version) as releases_listed,
    string_agg(distinct source_url, ' ; ' order by source_url) as source_urls
from marts.fct_releases
where counts_in_cadence
group by all
order by release_quarter, country_group, release_type
