-- stg_lmarena_dataset__ratings: arena.ai's official leaderboard dataset (video subsets), one row per
-- board, snapshot day and model, the overall category only (or none given), the newest snapshot of
-- a day standing for it. Rating, bounds, variance and votes as published; labels as written.
with source as (
    select * from raw.raw_leaderboards__lmarena_dataset
    where category is null or category = 'overall'
    qualify dense_rank() over (partition by board, snapshot_date order by fetched_at desc, snapshot_sha256) = 1
),
renamed as (
    select
        board,
        snapshot_date,
        leaderboard_publish_date,
        rank,
        model,
        organization,
        rating,
        rating_lower,
        rating_upper,
        variance,
        vote_count,
        license,
        upstream_url,
        source_url,
        snapshot_sha256
    from source
)
select * from renamed
