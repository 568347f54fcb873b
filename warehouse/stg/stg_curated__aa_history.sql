-- stg_curated__aa_history: aa_history.csv (the curated Artificial Analysis board-days the fetched
-- snapshots do not cover), typed: dates as DATE, rank and appearances as integers, empty cells NULL,
-- the CI text "-6/+6" (or "-6/6") split into its minus and plus half-widths.
with source as (
    select * from raw.raw_curated__aa_history
),
renamed as (
    select
        board,
        cast(snapshot_date as date) as snapshot_date,
        try_cast(nullif(rank, '') as integer) as rank,
        model,
        slug,
        creator,
        nullif(trim(creator_country), '') as aa_creator_country_given,
        try_cast(nullif(release_date, '') as date) as aa_release_date,
        cast(elo as double) as elo,
        try_cast(regexp_extract(ci95, '^-(\d+(?:\.\d+)?)/', 1) as double) as ci_minus,
        try_cast(regexp_extract(ci95, '/\+?(\d+(?:\.\d+)?)$', 1) as double) as ci_plus,
        ci95,
        try_cast(nullif(appearances, '') as bigint) as appearances,
        nullif(open_weights_url, '') as open_weights_url,
        api_source,
        source_url,
        snapshot_sha256,
        curated_file,
        cast(curated_row as integer) as curated_row
    from source
)
select * from renamed
