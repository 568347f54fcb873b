-- stg_curated__events: events.csv (project-authored, one cited row per launch and exposed listing),
-- typed: the event date as a DATE, the row numbers it points at in releases.csv and the candidates
-- file as integers (empty: NULL).
with source as (
    select * from raw.raw_curated__events
),
renamed as (
    select
        event_id,
        cast(event_date as date) as event_date,
        event_name,
        try_cast(releases_row as integer) as releases_row,
        try_cast(release_candidates_row as integer) as release_candidates_row,
        ticker,
        exposure,
        source_url,
        notes,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
