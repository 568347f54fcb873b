-- stg_curated__arena_history: arena_history.csv (the curated transcription of arena.ai board-days the
-- mirror's files do not cover), typed: dates as DATE, ranks and votes as integers, the score as
-- written (a double, so a transcription that is not a whole point stays visible), empty cells NULL.
with source as (
    select * from raw.raw_curated__arena_history
),
renamed as (
    select
        board,
        cast(snapshot_date as date) as snapshot_date,
        cast(rank as integer) as rank,
        model,
        nullif(vendor, '') as vendor,
        nullif(license, '') as license,
        cast(score as double) as score,
        try_cast(nullif(ci_low, '') as integer) as ci_low,
        try_cast(nullif(ci_high, '') as integer) as ci_high,
        try_cast(nullif(votes, '') as bigint) as votes,
        try_cast(nullif(preliminary, '') as boolean) as preliminary,
        source_url,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
