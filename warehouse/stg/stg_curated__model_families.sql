-- stg_curated__model_families: model_families.csv (project-authored, ordered regular expressions that
-- map a model name to its family and lab), typed: the priority as an integer, is_open_weights as a
-- boolean (empty: NULL, unknown), empty notes NULL.
with source as (
    select * from raw.raw_curated__model_families
),
renamed as (
    select
        cast(priority as integer) as priority,
        pattern,
        family,
        lab_id,
        try_cast(nullif(is_open_weights, '') as boolean) as is_open_weights,
        nullif(notes, '') as notes,
        source_url,
        basis,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
