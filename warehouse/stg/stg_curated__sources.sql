-- stg_curated__sources: the source registry (warehouse/seeds/sources.csv), typed and tidied: empty
-- optional cells as NULL, the response cap as an integer; nothing resolved.
with source as (
    select * from raw.raw_curated__sources
),
renamed as (
    select
        name as source,
        family,
        title,
        live_url,
        nullif(trim(alt_url), '') as alt_url,
        data_format,
        cadence,
        terms,
        auth,
        nullif(trim(auth_env_vars), '') as auth_env_vars,
        nullif(trim(replay_note), '') as replay_note,
        curated_file,
        curated_row
    from source
)
select * from renamed
