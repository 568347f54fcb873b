-- int_leaderboard_entries: arena.ai video-board entries, one row per board, day and model, from
-- the mirror's fetched snapshots and the curated history. A day covered by a fetched snapshot uses
-- the newest snapshot of that day; curated rows fill the days no snapshot covers. Vendor -> lab
-- through the alias table; without a known vendor, the model family's lab; country from dim_labs.
-- Unknown stays NULL. Open weights: the arena licence when given, else the family's cited flag.
-- The raw file wins: a board-day with a raw snapshot never reads the curated transcription.
-- Licence: files in the old (LLM-parsed) shape that reappear after 2026-07-15, when the mirror had
-- switched to its deterministic parser, mark open models "proprietary" and back (e.g. 2026-09-05
-- image-to-video, 2026-09-26 text-to-video); their licence is not trusted and stays NULL there.
with mirror as (
    select
        board, snapshot_date, rank, model, vendor,
        case when snapshot_date > date '2026-07-15' and rank_spread_low is null and model_url is null then null
             else license end as license,
        score, ci_low, ci_high, votes, preliminary,
        'arena_mirror_snapshot' as record_source, source_url, snapshot_sha256,
        cast(null as varchar) as curated_file, cast(null as integer) as curated_row
    from raw.raw_leaderboards__arena
    qualify dense_rank() over (partition by board, snapshot_date order by fetched_at desc, snapshot_sha256) = 1
),
curated as (
    select
        board,
        cast(snapshot_date as date) as snapshot_date,
        cast(rank as integer) as rank,
        model,
        nullif(vendor, '') as vendor,
        nullif(license, '') as license,
        cast(score as integer) as score,
        try_cast(nullif(ci_low, '') as integer) as ci_low,
        try_cast(nullif(ci_high, '') as integer) as ci_high,
        try_cast(nullif(votes, '') as bigint) as votes,
        try_cast(nullif(preliminary, '') as boolean) as preliminary,
        'arena_history_csv' as record_source,
        source_url,
        snapshot_sha256,
        curated_file,
        curated_row
    from raw.raw_curated__arena_history as c
    where not exists (
        select 1 from mirror as m
        where m.board = c.board and m.snapshot_date = cast(c.snapshot_date as date)
    )
),
entries as (
    select * from mirror
    union all by name
    select * from curated
),
with_family as (
    select e.*, f.family as model_family, f.lab_id as family_lab_id, f.is_open_weights as family_open_weights
    from entries as e
    left join int.int_model_families as f on regexp_matches(lower(e.model), f.pattern)
    qualify row_number() over (partition by e.board, e.snapshot_date, e.model, e.rank order by f.priority nulls last) = 1
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
