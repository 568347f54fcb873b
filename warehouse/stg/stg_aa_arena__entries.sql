-- stg_aa_arena__entries: Artificial Analysis video-arena snapshots, one row per board, day and model
-- slug, video boards only (a fetched text-to-image board, the one real v2 sample, stays in raw); the
-- newest snapshot of a board-day stands for it. AA's lower-case country upper-cased and the parser's
-- 'v2_api' spelled 'aa_v2_api', as in the curated aa_history.csv.
with source as (
    select * from raw.raw_leaderboards__aa_arena
    where board in ('text-to-video', 'image-to-video')
    qualify dense_rank() over (partition by board, snapshot_date order by fetched_at desc, snapshot_sha256) = 1
),
renamed as (
    select
        board,
        snapshot_date,
        rank,
        model,
        slug,
        creator,
        nullif(upper(trim(creator_country)), '') as aa_creator_country_given,
        try_cast(release_date as date) as aa_release_date,
        elo,
        ci_minus,
        ci_plus,
        ci95,
        appearances,
        open_weights_url,
        case api_source when 'v2_api' then 'aa_v2_api' else api_source end as api_source,
        source_url,
        snapshot_sha256
    from source
)
select * from renamed
