-- int_release_events: every dated (or undated) release event any source gives, one row per source
-- record, in one shape. Sources: releases.csv (curated; release_type as curated, empty = unknown);
-- README News bullets of open-weight repos (newest snapshot per repo; the bullet's text and line
-- number kept as evidence; a bullet naming weights/checkpoints/a released model is 'open_weights', one
-- saying "announced" is 'announce', any other is 'news'); GitHub releases (newest snapshot per repo
-- and tag, drafts left out; type 'repo_release': a tag of the code repository, not proof of weights);
-- OpenRouter video models (newest snapshot per model; `created` = the day OpenRouter lists the model,
-- taken as its API availability: type 'api'; the model as OpenRouter names it, the lab from the model
-- family, else the name's "Lab:" prefix, else the id's owner).
-- Dates keep their precision, never padded: release_date_text as the source dates it (YYYY-MM-DD,
-- YYYY-MM or YYYY), release_date a DATE only for day precision (NULL otherwise), release_year, and
-- release_quarter ('2024-Q3') for day and month precision. Labs: release_repos.csv for repos, else the
-- lab name through int_release_lab_names; model_key = lower(model + version, brackets dropped) for
-- matching the same release across sources.
-- Two more curated sources: open_weights_git_facts.csv (git history of the open-weight repos: a tag,
-- the repo's first commit, the commit that added a README news line; snapshot HEADs are not events
-- and are left out) and releases_2026-09_to_12_candidates.csv (newer models, most dated by when a
-- board or catalogue first listed them). date_kind says what each date is (curated, news_line, tag,
-- first_commit, news_line_added, api_listed, first_seen, announced, release_reported, planned);
-- date_is_upper_bound: a "first seen" date is the latest the release can have happened, not its
-- date (true only there; false where the source dates the event itself).
with names as (
    select name_key, lab_id from int.int_release_lab_names
),
repos as (
    select lower(owner || '/' || repo) as repo_key, lab_id, model, version
    from stg.stg_curated__release_repos
    where platform = 'github'
),
curated as (
    select
        'curated' as source,
        'releases.csv row ' || curated_row as source_record_id,
        trim(lab) as lab_name,
        coalesce(n1.lab_id, n2.lab_id, n3.lab_id) as lab_id,
        lab_country as source_country_code,
        trim(model) as model,
        version,
        release_date_text,
        release_date_text as date_as_written,
        release_type,
        is_open_weights,
        license,
        notes as evidence_text,
        cast(null as integer) as evidence_line_no,
        source_url,
        cast(null as varchar) as snapshot_sha256,
        curated_file,
        curated_row
    from stg.stg_curated__releases as r
    left join names as n1 on n1.name_key = lower(trim(r.lab))
    left join names as n2 on n2.name_key = lower(trim(regexp_replace(r.lab, '\s*\(.*\)\s*', ' ', 'g')))
    left join names as n3 on n3.name_key = lower(trim(regexp_extract(r.lab, '\(([^)]*)\)', 1)))
),
readme_lines as (
    select
        *,
        case
            when regexp_matches(lower(text), 'weights|checkpoint|open-sourced|initial release|releas\w* the .*model|new (distilled |control )?models?|new release')
                then 'open_weights'
            when regexp_matches(lower(text), '\bannounced\b') then 'announce'
            else 'news'
        end as line_type
    from stg.stg_github_readme__lines
),
readme as (
    select
        'github_readme' as source,
        r.repo || ' README line ' || r.line_no as source_record_id,
        r.repo as lab_name,
        p.lab_id,
        cast(null as varchar) as source_country_code,
        coalesce(p.model, r.repo) as model,
        p.version,
        r.date as release_date_text,
        r.date_text as date_as_written,
        r.line_type as release_type,
        case when r.line_type = 'open_weights' then true end as is_open_weights,
        cast(null as varchar) as license,
        r.text as evidence_text,
        r.line_no as evidence_line_no,
        r.source_url,
        r.snapshot_sha256,
        cast(null as varchar) as curated_file,
        cast(null as integer) as curated_row
    from readme_lines as r
    left join repos as p on p.repo_key = lower(r.repo)
),
github as (
    select
        'github_releases' as source,
        g.repo || ' release ' || g.tag_name as source_record_id,
        g.repo as lab_name,
        p.lab_id,
        cast(null as varchar) as source_country_code,
        coalesce(p.model, g.repo) as model,
        p.version,
        substr(g.released_at, 1, 10) as release_date_text,
        g.released_at as date_as_written,
        'repo_release' as release_type,
        cast(null as boolean) as is_open_weights,
        cast(null as varchar) as license,
        coalesce(g.name, g.tag_name) || case when g.prerelease then ' (pre-release)' else '' end as evidence_text,
        cast(null as integer) as evidence_line_no,
        coalesce(g.html_url, g.source_url) as source_url,
        g.snapshot_sha256,
        cast(null as varchar) as curated_file,
        cast(null as integer) as curated_row
    from stg.stg_github_releases__releases as g
    left join repos as p on p.repo_key = lower(g.repo)
),
openrouter_models as (
    select * from stg.stg_openrouter__video_models
),
openrouter_family as (
    select o.*, f.family, f.lab_id as family_lab_id, f.is_open_weights as family_open_weights
    from openrouter_models as o
    left join int.int_model_families as f on regexp_matches(lower(o.slug), f.pattern)
    qualify row_number() over (partition by o.model_id order by f.priority nulls last) = 1
),
openrouter as (
    select
        'openrouter' as source,
        o.model_id as source_record_id,
        coalesce(o.name_lab, o.owner) as lab_name,
        coalesce(o.family_lab_id, n1.lab_id, n2.lab_id) as lab_id,
        cast(null as varchar) as source_country_code,
        coalesce(o.name_model, o.slug) as model,  -- OpenRouter's own name: variants (Fast, Mini) stay apart
        cast(null as varchar) as version,
        strftime(o.created_date, '%Y-%m-%d') as release_date_text,
        cast(o.created_unix as varchar) as date_as_written,
        'api' as release_type,
        o.family_open_weights as is_open_weights,
        cast(null as varchar) as license,
        o.name || ' (' || o.model_id || ')' as evidence_text,
        cast(null as integer) as evidence_line_no,
        o.source_url,
        o.snapshot_sha256,
        cast(null as varchar) as curated_file,
        cast(null as integer) as curated_row
    from openrouter_family as o
    left join names as n1 on n1.name_key = lower(o.name_lab)
    left join names as n2 on n2.name_key = lower(o.owner)
),
git_facts as (
    select
        'git_facts' as source,
        'open_weights_git_facts.csv row ' || g.curated_row as source_record_id,
        trim(g.lab) as lab_name,
        coalesce(p.lab_id, n1.lab_id, n2.lab_id, n3.lab_id) as lab_id,
        cast(null as varchar) as source_country_code,
        coalesce(p.model, split_part(g.repo, '/', 2)) as model,
        p.version,
        strftime(g.commit_date, '%Y-%m-%d') as release_date_text,
        strftime(g.commit_date, '%Y-%m-%d') || ' (commit ' || g.commit || ')' as date_as_written,
        case g.kind
            when 'first_commit' then 'repo_created'
            when 'tag_annotated' then 'repo_release'
            when 'tag_lightweight' then 'repo_release'
            else case
                when regexp_matches(lower(g.evidence), 'weights|checkpoint|open-sourced|initial release|releas\w* the .*model|new (distilled |control )?models?|new release')
                    then 'open_weights'
                when regexp_matches(lower(g.evidence), '\bannounced\b') then 'announce'
                else 'news'
            end
        end as release_type,
        case g.kind when 'first_commit' then 'first_commit' when 'readme_news_added' then 'news_line_added'
                    else 'tag' end as date_kind,
        false as date_is_upper_bound,
        cast(null as boolean) as is_open_weights,
        cast(null as varchar) as license,
        g.kind || ': ' || g.name || ' — ' || g.evidence as evidence_text,
        cast(null as integer) as evidence_line_no,
        'https://github.com/' || g.repo || '/commit/' || g.commit as source_url,
        cast(null as varchar) as snapshot_sha256,
        g.curated_file,
        g.curated_row
    from stg.stg_curated__git_facts as g
    left join repos as p on p.repo_key = lower(g.repo)
    left join names as n1 on n1.name_key = lower(trim(g.lab))
    left join names as n2 on n2.name_key = lower(trim(regexp_replace(g.lab, '\s*\(.*\)\s*', ' ', 'g')))
    left join names as n3 on n3.name_key = lower(trim(regexp_extract(g.lab, '\(([^)]*)\)', 1)))
    where g.kind <> 'snapshot_head'
),
candidates as (
    select
        'curated_candidates' as source,
        'releases_2026-09_to_12_candidates.csv row ' || c.curated_row as source_record_id,
        c.lab as lab_name,
        coalesce(n1.lab_id, n2.lab_id, n3.lab_id) as lab_id,
        case when c.country ~ '^[A-Z]{2}$' then c.country end as source_country_code,
        c.model,
        cast(null as varchar) as version,
        c.date_text as release_date_text,
        c.date_text || ' (' || c.date_precision || '; ' || c.date_kind || ')' as date_as_written,
        case when lower(c.date_kind) like 'planned%' then 'planned' end as release_type,
        case
            when lower(c.date_kind) like 'first_seen%' or lower(c.date_kind) like 'first_listed%' then 'first_seen'
            when lower(c.date_kind) like 'announced%' then 'announced'
            when lower(c.date_kind) like 'planned%' then 'planned'
            else 'release_reported'
        end as date_kind,
        lower(c.date_precision) like '%upper bound%' as date_is_upper_bound,
        c.is_open_weights,
        cast(null as varchar) as license,
        concat_ws(' — ', c.note, c.evidence_source) as evidence_text,
        cast(null as integer) as evidence_line_no,
        c.source_url,
        cast(null as varchar) as snapshot_sha256,
        c.curated_file,
        c.curated_row
    from stg.stg_curated__release_candidates as c
    left join names as n1 on n1.name_key = lower(c.lab)
    left join names as n2 on n2.name_key = lower(trim(regexp_replace(c.lab, '\s*\(.*\)\s*', ' ', 'g')))
    left join names as n3 on n3.name_key = lower(trim(regexp_extract(c.lab, '\(([^)]*)\)', 1)))
),
events as (
    select *, 'curated' as date_kind, false as date_is_upper_bound from curated
    union all by name select *, 'news_line' as date_kind, false as date_is_upper_bound from readme
    union all by name select *, 'tag' as date_kind, false as date_is_upper_bound from github
    union all by name select *, 'api_listed' as date_kind, false as date_is_upper_bound from openrouter
    union all by name select * from git_facts
    union all by name select * from candidates
),
dated as (
    select
        *,
        case
            when regexp_full_match(release_date_text, '\d{4}-\d{2}-\d{2}') then 'day'
            when regexp_full_match(release_date_text, '\d{4}-\d{2}') then 'month'
            when regexp_full_match(release_date_text, '\d{4}') then 'year'
        end as date_precision,
        trim(regexp_replace(model, '\s*\(.*\)', '')) as model_clean,
        trim(regexp_replace(coalesce(version, ''), '\s*\(.*\)', '')) as version_clean
    from events
)
select
    source,
    source_record_id,
    lab_name,
    lab_id,
    source_country_code,
    model,
    version,
    lower(case when version_clean = '' then model_clean
               when starts_with(lower(version_clean), lower(model_clean)) then version_clean  -- "Ray" + "Ray2"
               else model_clean || ' ' || version_clean end) as model_key,
    release_type,
    release_date_text,
    date_precision,
    date_kind,
    date_is_upper_bound,
    case when date_precision = 'day' then try_cast(release_date_text as date) end as release_date,
    case when date_precision is not null then cast(left(release_date_text, 4) as integer) end as release_year,
    case when date_precision in ('day', 'month')
         then left(release_date_text, 4) || '-Q' || ((cast(substr(release_date_text, 6, 2) as integer) - 1) // 3 + 1)
    end as release_quarter,
    date_as_written,
    is_open_weights,
    license,
    evidence_text,
    evidence_line_no,
    source_url,
    snapshot_sha256,
    curated_file,
    curated_row
from dated
