-- stg_curated__openrouter_open_weights: openrouter_open_weights.csv (ordered permaslug patterns and
-- their open-weight status), typed: the priority as an integer, is_open_weights as a boolean, an
-- empty Hugging Face repo or source URL NULL (nothing cited).
with source as (
    select * from raw.raw_curated__openrouter_open_weights
),
renamed as (
    select
        cast(priority as integer) as priority,
        pattern,
        cast(is_open_weights as boolean) as is_open_weights,
        nullif(hf_repo, '') as hf_repo,
        nullif(source_url, '') as source_url,
        basis,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
