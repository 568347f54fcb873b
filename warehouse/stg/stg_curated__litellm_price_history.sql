-- stg_curated__litellm_price_history: litellm_video_prices_by_version.csv (the video prices of five
-- LiteLLM releases, read from each release's wheel), typed: every price column as a DOUBLE (USD;
-- empty: NULL), the wheel's upload time as a TIMESTAMPTZ, the deprecation day as a DATE, an empty
-- pricing URL NULL.
with source as (
    select * from raw.raw_curated__litellm_price_history
),
renamed as (
    select
        litellm_version,
        cast(wheel_upload_time_utc as timestamptz) as wheel_uploaded_at,
        key,
        litellm_provider,
        cast(nullif(trim(input_cost_per_image), '') as double) as input_cost_per_image,
        cast(nullif(trim(output_cost_per_second), '') as double) as output_cost_per_second,
        cast(nullif(trim(output_cost_per_second_480p), '') as double) as output_cost_per_second_480p,
        cast(nullif(trim(output_cost_per_second_720p), '') as double) as output_cost_per_second_720p,
        cast(nullif(trim(output_cost_per_second_768p), '') as double) as output_cost_per_second_768p,
        cast(nullif(trim(output_cost_per_second_1080p), '') as double) as output_cost_per_second_1080p,
        cast(nullif(trim(output_cost_per_second_2k), '') as double) as output_cost_per_second_2k,
        cast(nullif(trim(output_cost_per_second_4k), '') as double) as output_cost_per_second_4k,
        cast(nullif(trim(output_cost_per_video_per_second), '') as double) as output_cost_per_video_per_second,
        nullif(source, '') as pricing_url,
        cast(nullif(deprecation_date, '') as date) as deprecation_date,
        wheel,
        wheel_sha256,
        json_sha256,
        source_url,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
