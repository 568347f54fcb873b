-- out_cadence_versions: one row per model version (marts.fct_model_version_dates) with every date
-- any source gives, side by side (dates_listed: source kind date, first-seen dates marked "by"), and
-- one preferred date by this rule, in order:
--   1. a stated release date -- curated announce/preview/GA/API/open-weights/release, a cited
--      candidate's announced or release_reported date, Artificial Analysis' release_date: the
--      earliest, a month-only date compared by its last day (so a day date in the same month, which
--      is more precise, is preferred to it, and an earlier month still wins);
--   2. else the earliest observed date: a git tag or first commit of its repository, or a first-seen
--      date (arena.ai, lmarena dataset, AA board, LiteLLM, a candidate's first sighting) that is not
--      left-censored; a first-seen date is an upper bound, labelled "by <date>" (on a tie the tag,
--      then the first commit, is preferred);
--   3. else none: seen only from the first day a source was recorded, so released on or before that
--      day (seen_by); such a version is listed but not placed in a quarter.
-- On an equal date a curated (cited) row is preferred. Kind, precision, source and whether the preferred date is an upper bound are kept.
with ranked as (
    select
        *,
        case
            when date_kind in ('announced', 'preview', 'ga', 'api', 'open_weights', 'release', 'release_reported',
                               'released') then 1
            when date_kind in ('tag', 'first_commit') or (date_kind = 'first_seen' and not is_left_censored) then 2
        end as tier
    from marts.fct_model_version_dates
),
preferred as (
    select * from ranked
    where tier is not null
    qualify row_number() over (
        partition by version_key
        order by tier,
                 case date_precision when 'month' then date_floor + interval 1 month - interval 1 day
                                     when 'year' then date_floor + interval 1 year - interval 1 day
                                     else date_floor end,
                 case date_kind when 'tag' then 0 when 'first_commit' then 1 else 2 end,
                 case source when 'curated' then 0 when 'curated_candidates' then 1 else 2 end, source, source_model,
                 source_record, date_kind, source_url
    ) = 1
),
versions as (
    select
        version_key,
        -- the earliest evidence names the version; its source and name break a tie on the same day
        arg_min(version_name, (date_floor, source, source_model)) as version_name,
        bool_or(is_family_matched) as is_family_matched,
        arg_min(lab_id, (date_floor, source, source_model)) filter (where lab_id is not null) as lab_id,
        arg_min(country_code, (date_floor, source, source_model)) filter (where country_code is not null) as country_code,
        count(*) as dated_evidence,
        count(distinct source) as sources,
        string_agg(distinct source, ', ' order by source) as sources_listed,
        string_agg(
            source || ' ' || date_kind || ' ' || case when is_upper_bound then 'by ' else '' end || date_text
                || case when is_left_censored then ' (first day recorded)' else '' end,
            '; ' order by date_floor, source, date_kind) as dates_listed,
        min(date_floor) filter (where is_left_censored) as seen_by
    from ranked
    group by version_key
)
select
    v.version_key,
    v.version_name,
    v.is_family_matched,
    v.lab_id,
    v.country_code,
    case when v.country_code in ('CN', 'US') then v.country_code when v.country_code is null then 'unknown' else 'other' end
        as country_group,
    p.date_text as preferred_date_text,
    p.date_value as preferred_date,
    p.date_precision as preferred_precision,
    p.date_kind as preferred_kind,
    p.source as preferred_source,
    p.source_url as preferred_source_url,
    coalesce(p.is_upper_bound, false) as preferred_is_upper_bound,
    case
        when p.tier = 1 then 'stated release date'
        when p.date_kind in ('tag', 'first_commit') then 'repository date'
        when p.tier = 2 then 'first seen (upper bound)'
        else 'undated: seen from the first recorded day'
    end as preferred_rule,
    case when p.date_floor is not null
         then cast(year(p.date_floor) as varchar) || '-Q' || cast(quarter(p.date_floor) as varchar) end
        as preferred_quarter,
    v.seen_by,
    v.dated_evidence,
    v.sources,
    v.sources_listed,
    v.dates_listed
from versions as v
left join preferred as p using (version_key)
order by p.date_floor nulls last, v.version_key
