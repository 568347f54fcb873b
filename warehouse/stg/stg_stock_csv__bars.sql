-- stg_stock_csv__bars: daily bars from CSV files read from public repositories, one row per snapshot,
-- ticker and day, columns as the file's layout gives them (adj_close only in a yfinance_actions
-- file); read_from = the `owner/repo` the file was read from.
with source as (
    select * from raw.raw_stocks__stock_csv
),
renamed as (
    select
        *,
        split_part(source_url, '/', 4) || '/' || split_part(source_url, '/', 5) as read_from
    from source
)
select * from renamed
