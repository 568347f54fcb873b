-- stg_hf_trending__models: the Hugging Face Hub trending models list, one row per model per snapshot
-- (every few hours in the recordings); last_modified parsed from the Hub's ISO text, snapshot_at =
-- when the cache was committed.
with source as (
    select * from raw.raw_openness__hf_trending
),
renamed as (
    select
        model_id,
        author,
        author_fullname,
        author_type,
        pipeline_tag,
        downloads,
        likes,
        try_cast(last_modified as timestamptz) as last_modified_at,
        num_parameters,
        gated,
        list_position,
        cast(fetched_at as date) as snapshot_date,
        fetched_at as snapshot_at,
        source_url,
        snapshot_sha256,
        record_index
    from source
)
select * from renamed
