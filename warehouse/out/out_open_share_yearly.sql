-- out_open_share_yearly: open-weight share of model versions by first-release year and country
-- group. A version (lab + model_key) counts once, in the year of its first counted release event
-- (fct_releases.counts_in_cadence); it is open if any of its release rows says open weights, closed
-- if the rows say closed, unknown where no source says (NULL, never assumed closed).
-- open_share_pct = open / (open + closed), versions of unknown status left out of the ratio.
-- is_partial_year: the year ends after the newest data-through date of any source
-- (marts.dim_source_data_through), so its versions are not all in yet (as out_cadence_versions_quarterly
-- marks its open quarter).
with data_through as (
    select max(data_through) as newest_data_through from marts.dim_source_data_through
),
versions as (
    select
        coalesce(lab_id, lower(lab_name)) as lab_key,
        model_key,
        any_value(country_code) as country_code,
        min(release_year) as release_year,
        bool_or(is_open_weights) as is_open_weights,
        string_agg(distinct source_url, ' ; ' order by source_url) as source_urls
    from marts.fct_releases
    where counts_in_cadence
    group by all
)
select
    release_year,
    case when country_code in ('CN', 'US') then country_code when country_code is null then 'unknown' else 'other' end
        as country_group,
    count(*) as model_versions,
    count(*) filter (where is_open_weights) as open_versions,
    count(*) filter (where not is_open_weights) as closed_versions,
    count(*) filter (where is_open_weights is null) as unknown_versions,
    round(100.0 * count(*) filter (where is_open_weights) / nullif(count(*) filter (where is_open_weights is not null), 0), 1)
        as open_share_pct,
    string_agg(model_key || case when is_open_weights then ' (open)' when not is_open_weights then '' else ' (unknown)' end,
               '; ' order by model_key) as versions_listed,
    string_agg(source_urls, ' ; ' order by model_key) as source_urls,
    make_date(release_year, 12, 31) > d.newest_data_through as is_partial_year
from versions
cross join data_through as d
group by all
order by release_year, country_group
