-- fct_releases: every release event every source dates, kept side by side (one row per source
-- record; key source + source_record_id). release_key = lab + model_key + release_type groups the
-- rows that date the same release; exactly one row per release_key is_preferred: the curated row
-- first, then day precision before month before year, then the earliest date. dates_by_source lists
-- every date the sources give for that release_key, so a conflict shows beside the preferred date.
-- Dates keep their precision and are never padded: release_date (DATE) is set for day precision only;
-- release_date_text holds YYYY-MM-DD / YYYY-MM / YYYY; release_quarter exists for day and month.
-- country_code from dim_labs via the lab (unknown lab or country stays NULL).
-- counts_in_cadence marks the rows the Q3/Q4 counts use: preferred, from releases.csv, the newer
-- candidates file or OpenRouter (README news, git facts and GitHub tags date events inside a repo,
-- not new model versions), a curated or unknown release type (a "planned" release is not counted),
-- and at least month precision. A candidate dated by when it was first seen counts in the quarter
-- of that upper bound (date_is_upper_bound says so on the row).
-- date_kind: what the date is (curated, news_line, tag, first_commit, news_line_added, api_listed,
-- first_seen, announced, release_reported, planned).
with events as (
    select
        e.*,
        concat_ws('|', coalesce(e.lab_id, lower(e.lab_name), '?'), e.model_key, coalesce(e.release_type, '?'))
            as release_key,
        l.country_code
    from int.int_release_events as e
    left join marts.dim_labs as l on l.lab_id = e.lab_id
),
ranked as (
    select
        *,
        row_number() over (
            partition by release_key
            order by case when source = 'curated' then 0 else 1 end,
                     case date_precision when 'day' then 0 when 'month' then 1 when 'year' then 2 else 3 end,
                     release_date_text nulls last, source, source_record_id
        ) = 1 as is_preferred
    from events
),
dates as (
    select release_key,
           count(distinct release_date_text) as distinct_dates,
           string_agg(distinct release_date_text || ' (' || source || ')', '; ' order by release_date_text || ' (' || source || ')')
               as dates_by_source
    from events
    group by release_key
)
select
    r.source,
    r.source_record_id,
    r.release_key,
    r.is_preferred,
    r.lab_id,
    r.lab_name,
    r.country_code,
    r.source_country_code,
    r.model,
    r.version,
    r.model_key,
    r.release_type,
    r.release_date,
    r.release_date_text,
    r.date_precision,
    r.date_kind,
    r.date_is_upper_bound,
    r.release_year,
    r.release_quarter,
    r.date_as_written,
    coalesce(d.distinct_dates, 0) > 1 as has_date_conflict,
    d.dates_by_source,
    r.is_open_weights,
    r.license,
    coalesce(r.is_preferred
        and r.source in ('curated', 'openrouter', 'curated_candidates')
        and (r.release_type is null or r.release_type in ('announce', 'preview', 'ga', 'api', 'open_weights'))
        and r.date_precision in ('day', 'month'), false) as counts_in_cadence,
    r.evidence_text,
    r.evidence_line_no,
    r.source_url,
    r.snapshot_sha256,
    r.curated_file,
    r.curated_row
from ranked as r
left join dates as d using (release_key)
order by r.release_key, r.is_preferred desc, r.source, r.source_record_id
