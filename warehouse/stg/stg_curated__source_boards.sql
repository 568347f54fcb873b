-- stg_curated__source_boards: the boards each leaderboard source iterates
-- (warehouse/seeds/source_boards.csv), typed: the order as an integer, fetched as a boolean.
with source as (
    select * from raw.raw_curated__source_boards
),
renamed as (
    select
        source,
        source_board,
        board,
        cast(board_order as integer) as board_order,
        request_value,
        fetched = 'true' as fetched,
        basis,
        curated_file,
        curated_row
    from source
)
select * from renamed
