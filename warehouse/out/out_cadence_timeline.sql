-- out_cadence_timeline: the release timeline behind the Q3 chart, one row per counted release event
-- (fct_releases.counts_in_cadence) with its lab, country group, type, date as dated by the source
-- (release_date for day precision; month-only rows keep release_date NULL and release_date_text
-- YYYY-MM) and, where sources disagree, every date side by side (dates_by_source).
select
    source,
    source_record_id,
    lab_id,
    lab_name,
    case when country_code in ('CN', 'US') then country_code when country_code is null then 'unknown' else 'other' end
        as country_group,
    model,
    version,
    model_key,
    coalesce(release_type, 'unknown') as release_type,
    release_date,
    release_date_text,
    date_precision,
    release_quarter,
    is_open_weights,
    has_date_conflict,
    dates_by_source,
    source_url,
    curated_file,
    curated_row,
    snapshot_sha256
from marts.fct_releases
where counts_in_cadence
order by release_date_text, lab_id, model_key, release_type
