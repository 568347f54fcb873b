-- stg_curated__releases: releases.csv (curated, one cited row per release), tidied: text trimmed,
-- empty cells NULL; the release date stays text as written (release_date_text: YYYY-MM-DD, YYYY-MM
-- or YYYY, its precision kept), open_weights 'yes'/'no' as a boolean (anything else NULL, unknown).
with source as (
    select * from raw.raw_curated__releases
),
renamed as (
    select
        lab,
        nullif(trim(lab_country), '') as lab_country,
        model,
        nullif(trim(version), '') as version,
        nullif(trim(release_date), '') as release_date_text,
        nullif(trim(release_type), '') as release_type,
        case lower(trim(open_weights)) when 'yes' then true when 'no' then false end as is_open_weights,
        nullif(trim(license), '') as license,
        max_duration_s,
        max_resolution,
        nullif(trim(source_url), '') as source_url,
        nullif(trim(notes), '') as notes,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
