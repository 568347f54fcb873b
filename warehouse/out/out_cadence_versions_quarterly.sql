-- out_cadence_versions_quarterly: distinct model versions per calendar quarter of their preferred
-- date (out_cadence_versions) and country group (CN, US, other, unknown), with how many of them
-- are dated only by a first sighting (an upper bound) or only to the month. is_partial_quarter: the
-- quarter ends after the newest data-through date of any source (marts.dim_source_data_through), i.e.
-- the evidence does not yet cover the whole quarter, so its count is not comparable to a whole one.
with data_through as (
    select max(data_through) as newest_data_through from marts.dim_source_data_through
)
select
    v.preferred_quarter as release_quarter,
    cast(left(v.preferred_quarter, 4) as integer) as release_year,
    cast(right(v.preferred_quarter, 1) as integer) as quarter_of_year,
    v.country_group,
    count(distinct v.version_key) as model_versions,
    count(distinct v.version_key) filter (where v.preferred_is_upper_bound) as first_seen_only_versions,
    count(distinct v.version_key) filter (where v.preferred_precision = 'month') as month_precision_versions,
    string_agg(v.version_name || ' (' || case when v.preferred_is_upper_bound then 'by ' else '' end
               || v.preferred_date_text || ', ' || v.preferred_source || ' ' || v.preferred_kind || ')', '; '
               order by v.preferred_date_text, v.version_name) as versions_listed,
    make_date(cast(left(v.preferred_quarter, 4) as integer), cast(right(v.preferred_quarter, 1) as integer) * 3, 1)
        + interval 1 month - interval 1 day as quarter_end,
    any_value(d.newest_data_through) as newest_data_through,
    (make_date(cast(left(v.preferred_quarter, 4) as integer), cast(right(v.preferred_quarter, 1) as integer) * 3, 1)
        + interval 1 month - interval 1 day) > any_value(d.newest_data_through) as is_partial_quarter
from out.out_cadence_versions as v
cross join data_through as d
where v.preferred_quarter is not null
group by v.preferred_quarter, v.country_group
order by release_quarter, country_group
