-- stg_arena__entries: the arena.ai mirror's video-board files, one row per board, day and model: the
-- newest snapshot of a day stands for it (a day refetched keeps its last file). Licence: files in the
-- old (LLM-parsed) shape that reappear after 2026-07-15, when the mirror had switched to its
-- deterministic parser, mark open models "proprietary" and back (e.g. 2026-09-05 image-to-video,
-- 2026-09-26 text-to-video); their licence is not trusted and stays NULL there.
with source as (
    select * from raw.raw_leaderboards__arena
    qualify dense_rank() over (partition by board, snapshot_date order by fetched_at desc, snapshot_sha256) = 1
),
renamed as (
    select
        board,
        snapshot_date,
        rank,
        model,
        vendor,
        case when snapshot_date > date '2026-07-15' and rank_spread_low is null and model_url is null then null
             else license end as license,
        score,
        ci_low,
        ci_high,
        votes,
        preliminary,
        source_url,
        snapshot_sha256
    from source
)
select * from renamed
