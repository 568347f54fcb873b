-- out_cadence_version_gaps: days between consecutive model versions of each lab. A version
-- (lab + model_key) is dated by its first release event of any type among the counted rows of
-- fct_releases (counts_in_cadence). Day-precision dates only: a version whose first known date is
-- month-only (e.g. Kling 1.5, 2024-09) is left out rather than padded, and the gap is measured to the
-- previous version that has a day date. days_since_previous is NULL for a lab's first version.
-- Dates that are only upper bounds (a candidate first seen on a board) are left out.
with firsts as (
    select
        lab_id,
        any_value(country_code) as country_code,
        model_key,
        min(left(release_date_text, 7)) as first_month,
        min(release_date) as first_date,
        arg_min(model || coalesce(' ' || version, ''), release_date) as version_name,
        arg_min(release_type, release_date) as first_release_type,
        arg_min(source_url, release_date) as source_url,
        arg_min(curated_row, release_date) as curated_row,
        arg_min(snapshot_sha256, release_date) as snapshot_sha256
    from marts.fct_releases
    where counts_in_cadence and lab_id is not null
      and not date_is_upper_bound  -- a "first seen" upper bound is not a release date to measure a gap from
    group by lab_id, model_key
),
day_dated as (
    select * from firsts
    where first_date is not null and strftime(first_date, '%Y-%m') = first_month
)
select
    lab_id,
    case when country_code in ('CN', 'US') then country_code when country_code is null then 'unknown' else 'other' end
        as country_group,
    model_key,
    version_name,
    first_release_type,
    first_date,
    lag(version_name) over w as previous_version,
    lag(first_date) over w as previous_date,
    date_diff('day', lag(first_date) over w, first_date) as days_since_previous,
    source_url,
    curated_row,
    snapshot_sha256
from day_dated
window w as (partition by lab_id order by first_date, model_key)
order by lab_id, first_date, model_key
