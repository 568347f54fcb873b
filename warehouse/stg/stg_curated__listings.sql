-- stg_curated__listings: listings.csv (one cited row per listing the stock sources carry: exchange,
-- currency, time zone, benchmark), tidied: an empty company country, benchmark or source URL NULL.
with source as (
    select * from raw.raw_curated__listings
),
renamed as (
    select
        ticker,
        yahoo_symbol,
        listing_name,
        listing_kind,
        exchange,
        currency,
        exchange_timezone,
        nullif(company_country_code, '') as company_country_code,
        nullif(benchmark_ticker, '') as benchmark_ticker,
        nullif(source_url, '') as source_url,
        basis,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
