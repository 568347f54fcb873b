-- int_leaderboard_entries: arena.ai video-board entries, one row per board, day and model, from
-- the mirror's fetched snapshots and the curated history. A day covered by a fetched snapshot uses
-- the newest snapshot of that day; curated rows fill the days no snapshot covers. Vendor -> lab
-- through the alias table; without a known vendor, the model family's lab; country from dim_labs.
-- Unknown stays NULL. Open weights: the arena licence when given, else the family's cited flag.
-- The raw file wins: a board-day with a raw snapshot never reads the curated transcription. Both
-- arrive tidied by their staging views (stg_arena__entries, stg_curated__arena_history).
with mirror as (
    select
        *,
        'arena_mirror_snapshot' as record_source,
        cast(null as varchar) as curated_file,
        cast(null as integer) as curated_row
    from stg.stg_arena__entries
),
curated as (
    select
        * replace (cast(score as integer) as score),
        'arena_history_csv' as record_source
    from stg.stg_curated__arena_history as c
    where not exists (
        select 1 from mirror as m
        where m.board = c.board and m.snapshot_date = c.snapshot_date
    )
),
entries as (
    select * from mirror
    union all by name
    select * from curated
),
families as (
    -- the family of each distinct model name, matched once: testing every pattern against every
    -- board-day row cost seconds at a few hundred days (the same ~100 names recur every day)
    select m.model, f.family, f.lab_id, f.is_open_weights
    from (select distinct model from entries) as m
    join int.int_model_families as f on regexp_matches(lower(m.model), f.pattern)
    qualify row_number() over (partition by m.model order by f.priority, f.family) = 1
),
with_family as (
    select e.*, f.family as model_family, f.lab_id as family_lab_id, f.is_open_weights as family_open_weights
    from entries as e
    left join families as f using (model)
)
select
    w.board,
    w.snapshot_date,
    w.rank,
    w.model,
    w.model_family,
    w.vendor,
    coalesce(a.lab_id, w.family_lab_id) as lab_id,
    l.country_code,
    w.score,
    w.ci_low,
    w.ci_high,
    w.votes,
    w.license,
    case
        when w.license is null then w.family_open_weights
        when lower(w.license) = 'proprietary' then false
        else true
    end as is_open_weights,
    w.preliminary,
    w.record_source,
    w.source_url,
    w.snapshot_sha256,
    w.curated_file,
    w.curated_row
from with_family as w
left join int.int_lab_aliases as a on a.alias_key = lower(w.vendor)
left join int.int_labs as l on l.lab_id = coalesce(a.lab_id, w.family_lab_id)
