-- stg_curated__release_candidates: releases_2026-09_to_12_candidates.csv (newer models, most dated by
-- when a board or catalogue first listed them), tidied: lab, model and country trimmed, empty cells
-- NULL; the date stays text as written (date_text: a day or a month), with its precision and kind as
-- written; open_weights as a boolean where it starts with yes or no (NULL: unknown).
with source as (
    select * from raw.raw_curated__release_candidates
),
renamed as (
    select
        trim(model) as model,
        trim(lab) as lab,
        nullif(trim(country), '') as country,
        nullif(trim(date), '') as date_text,
        date_precision,
        date_kind,
        case when lower(open_weights) like 'no%' then false when lower(open_weights) like 'yes%' then true end
            as is_open_weights,
        open_weights as open_weights_as_written,
        nullif(trim(url), '') as source_url,
        nullif(trim(evidence_source), '') as evidence_source,
        nullif(trim(note), '') as note,
        snapshot_sha256,
        curated_file,
        curated_row
    from source
)
select * from renamed
