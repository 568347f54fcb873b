-- fct_model_version_dates: every dated piece of evidence that a video model version exists, one row
-- per (model version, source, source's model name, kind of date). Sources: curated releases and
-- release candidates and the git tags / first commits of open-weight repos (marts.fct_releases; a
-- 'planned' date is not evidence and is left out), Artificial Analysis' own release_date (kind
-- 'released', with AA's creator and country), the first day a model appears on an arena.ai board
-- (fct_leaderboard_entries), on the official lmarena dataset (fct_leaderboard_entries_lmarena), on
-- an AA board, and in the LiteLLM catalogue (fct_price_observations; one row per model, its task
-- endpoints folded, source_record listing them). date_kind: announced, preview,
-- ga, api, open_weights, release (curated, type not given), release_reported, released (AA), tag,
-- first_commit, first_seen. A first_seen date is an upper bound (is_upper_bound): the model existed
-- by then. is_left_censored: first seen on the very first day a source was recorded, so it says
-- only "released on or before" that day.
-- Model version: a source's name is matched to a family of warehouse/seeds/model_families.csv
-- (int_model_families, the same ordered patterns the marts use) on its name, its id/slug, the name
-- without a leading lab prefix and the name with the lab id in front; the lowest priority number
-- that passes two guards wins: the family's lab equals the source's lab when the source names one,
-- and the first version number in the name equals the family's (3.0 = 3; "pika-1.5" is not the
-- "Pika 2.2" family; a family named without a number, e.g. Grok Imagine, takes any). An unmatched
-- name stays its own version, keyed by lab and the name without its lab prefix (lowercase, runs of
-- other characters as '-'): the same name from two sources is one version, a different one is not
-- guessed. Country: the version's lab in dim_labs, else the country the source gives. Ties on a
-- day (boards, endpoints seen the same day) are broken by board or name, so a rebuild is identical.
with release_rows as (
    select
        r.source,
        r.source_record_id as source_record,
        r.model || coalesce(' ' || r.version, '') as source_model,
        [r.model_key, lower(r.model || coalesce(' ' || r.version, ''))] as names,
        r.lab_id,
        r.country_code,
        case
            when r.source = 'curated' then
                case r.release_type
                    when 'announce' then 'announced'
                    when 'preview' then 'preview'
                    when 'ga' then 'ga'
                    when 'api' then 'api'
                    when 'open_weights' then 'open_weights'
                    else 'release'
                end
            else r.date_kind
        end as date_kind,
        r.release_date as date_value,
        r.release_date_text as date_text,
        r.date_precision,
        r.source_url,
        r.snapshot_sha256,
        r.curated_row
    from marts.fct_releases as r
    where r.release_date_text is not null
      and (r.source in ('curated', 'curated_candidates') or r.date_kind in ('tag', 'first_commit'))
      and r.date_kind is distinct from 'planned'
),
aa_models as (
    select
        slug,
        arg_max(model, (snapshot_date, board)) as model,
        arg_max(lab_id, (snapshot_date, board)) as lab_id,
        arg_max(country_code, (snapshot_date, board)) as country_code,
        arg_max(aa_release_date, (snapshot_date, board)) filter (where aa_release_date is not null) as aa_release_date,
        arg_max(source_url, (snapshot_date, board)) filter (where aa_release_date is not null) as release_url,
        arg_max(snapshot_sha256, (snapshot_date, board)) filter (where aa_release_date is not null) as release_sha,
        min(snapshot_date) as first_seen,
        arg_min(source_url, (snapshot_date, board)) as first_url,
        arg_min(snapshot_sha256, (snapshot_date, board)) as first_sha
    from marts.fct_leaderboard_entries_aa
    group by slug
),
aa_rows as (
    select 'aa_arena' as source, slug as source_record, model as source_model, [model, slug] as names, lab_id,
           country_code, 'released' as date_kind, aa_release_date as date_value,
           cast(aa_release_date as varchar) as date_text, 'day' as date_precision, release_url as source_url,
           release_sha as snapshot_sha256, null::integer as curated_row
    from aa_models where aa_release_date is not null
    union all
    select 'aa_arena', slug, model, [model, slug], lab_id, country_code, 'first_seen', first_seen,
           cast(first_seen as varchar), 'day', first_url, first_sha, null
    from aa_models
),
arena_rows as (
    select 'arena' as source, model as source_record, model as source_model, [model] as names,
           arg_min(lab_id, (snapshot_date, board)) as lab_id, arg_min(country_code, (snapshot_date, board)) as country_code,
           'first_seen' as date_kind, min(snapshot_date) as date_value, cast(min(snapshot_date) as varchar) as date_text,
           'day' as date_precision, arg_min(source_url, (snapshot_date, board)) as source_url,
           arg_min(snapshot_sha256, (snapshot_date, board)) as snapshot_sha256, null::integer as curated_row
    from marts.fct_leaderboard_entries
    group by model
),
lmarena_rows as (
    select 'lmarena_dataset' as source, model as source_record, model as source_model, [model] as names,
           arg_min(lab_id, (snapshot_date, board)) as lab_id, arg_min(country_code, (snapshot_date, board)) as country_code,
           'first_seen' as date_kind, min(snapshot_date) as date_value, cast(min(snapshot_date) as varchar) as date_text,
           'day' as date_precision, arg_min(source_url, (snapshot_date, board)) as source_url,
           arg_min(snapshot_sha256, (snapshot_date, board)) as snapshot_sha256, null::integer as curated_row
    from marts.fct_leaderboard_entries_lmarena
    group by model
),
litellm_endpoints as (
    -- LiteLLM lists one entry per task endpoint of a model (wan2.7-t2v / -i2v / -r2v,
    -- luma/agent/ray/v3.2/text-to-video / image-to-video / reframe): the task suffix is cut from the name
    -- and the key, so one model with several endpoints is one version, not three
    select
        *,
        regexp_replace(model, '(-(t2v|i2v|r2v|v2v)|/(text|image|video|reference)-to-video|/reframe)$', '')
            as endpoint_model,
        regexp_replace(model_key, '-(t2v|i2v|r2v|v2v|(text-|image-|video-|reference-)?to|reframe)$', '')
            as endpoint_key,
        -- "first" is the earliest observation, then the endpoint name: endpoints appear the same day
        (observed_at, model, source_url, snapshot_sha256, curated_row) as first_pick
    from marts.fct_price_observations
    where record_source in ('litellm_pricing', 'litellm_price_history') and observed_at is not null
),
litellm_rows as (
    select 'litellm' as source, string_agg(distinct model, ', ' order by model) as source_record,
           endpoint_model as source_model, [endpoint_model, arg_min(endpoint_key, first_pick)] as names,
           arg_min(lab_id, first_pick) as lab_id, arg_min(country_code, first_pick) as country_code,
           'first_seen' as date_kind, min(observed_at)::date as date_value,
           cast(min(observed_at)::date as varchar) as date_text, 'day' as date_precision,
           arg_min(source_url, first_pick) as source_url, arg_min(snapshot_sha256, first_pick) as snapshot_sha256,
           arg_min(curated_row, first_pick) as curated_row
    from litellm_endpoints
    group by endpoint_model
),
evidence as (
    select * from release_rows
    union all select * from aa_rows
    union all select * from arena_rows
    union all select * from lmarena_rows
    union all select * from litellm_rows
),
numbered as (
    select row_number() over (order by source, source_record, date_kind, date_text) as evidence_id, *
    from evidence
),
variants as (
    -- every spelling a name is tried under: as written, without a leading lab prefix, with the lab id in front
    select distinct n.evidence_id, v.variant
    from numbered as n,
        unnest(n.names) as t(name),
        lateral (select lower(regexp_replace(trim(t.name), '[\s_]+', '-', 'g')) as spelled) as s,
        unnest([
            s.spelled,
            case when n.lab_id is not null then regexp_replace(s.spelled, '^' || n.lab_id || '[-/]', '') end,
            case when n.lab_id is not null then n.lab_id || '-' || s.spelled end
        ]) as v(variant)
    where t.name is not null and v.variant is not null
),
first_numbers as (
    select evidence_id, variant,
           nullif(regexp_replace(regexp_extract(variant, '\d+(\.\d+)*', 0), '(\.0+)+$', ''), '') as number
    from variants
),
matched as (
    select v.evidence_id, arg_min(f.family, f.priority) as family, arg_min(f.lab_id, f.priority) as family_lab_id
    from first_numbers as v
    join numbered as n using (evidence_id)
    join int.int_model_families as f on regexp_matches(v.variant, f.pattern)
    where (n.lab_id is null or f.lab_id = n.lab_id)
      and (regexp_extract(f.family, '\d+(\.\d+)*', 0) = ''
           or v.number = regexp_replace(regexp_extract(f.family, '\d+(\.\d+)*', 0), '(\.0+)+$', ''))
    group by v.evidence_id
),
keyed as (
    select
        n.*,
        m.family,
        coalesce(m.family_lab_id, n.lab_id) as version_lab_id,
        coalesce(
            'family:' || m.family,
            coalesce(n.lab_id, 'unknown') || ':' || trim(regexp_replace(
                case when n.lab_id is not null
                     then regexp_replace(lower(n.names[1]), '^' || n.lab_id || '[^a-z0-9]+', '')
                     else lower(n.names[1]) end,
                '[^a-z0-9]+', '-', 'g'), '-')
        ) as version_key
    from numbered as n
    left join matched as m using (evidence_id)
),
source_starts as (
    -- the first recorded day of each first-seen source: a model already there was released earlier
    select source, min(date_value) as first_recorded_day from keyed where date_kind = 'first_seen' group by source
)
select
    k.version_key,
    coalesce(k.family, k.source_model) as version_name,
    k.family is not null as is_family_matched,
    k.version_lab_id as lab_id,
    coalesce(l.country_code, k.country_code) as country_code,
    k.source,
    k.source_record,
    k.source_model,
    k.date_kind,
    k.date_value,
    k.date_text,
    k.date_precision,
    case k.date_precision
        when 'day' then k.date_value
        when 'month' then cast(k.date_text || '-01' as date)
        when 'year' then cast(k.date_text || '-01-01' as date)
    end as date_floor,
    k.date_kind = 'first_seen' as is_upper_bound,
    k.date_kind = 'first_seen' and k.source <> 'curated_candidates' and k.date_value = s.first_recorded_day
        as is_left_censored,
    k.source_url,
    k.snapshot_sha256,
    k.curated_row
from keyed as k
left join marts.dim_labs as l on l.lab_id = k.version_lab_id
left join source_starts as s on s.source = k.source
order by k.version_key, date_floor, k.source, k.source_model
