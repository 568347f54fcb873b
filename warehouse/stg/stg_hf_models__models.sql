-- stg_hf_models__models: Hugging Face Hub text-to-video / image-to-video models, one row per model per
-- snapshot, as the Hub lists them; created_at parsed from the Hub's ISO text, the fetch day kept.
with source as (
    select * from raw.raw_openness__hf_models
),
renamed as (
    select
        model_id,
        author,
        pipeline_tag,
        downloads,
        likes,
        try_cast(created_at as timestamptz) as created_at,
        license,
        library_name,
        cast(fetched_at as date) as snapshot_date,
        fetched_at,
        source_url,
        snapshot_sha256,
        record_index
    from source
)
select * from renamed
