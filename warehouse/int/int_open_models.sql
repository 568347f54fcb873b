-- int_open_models: Hugging Face Hub text-to-video / image-to-video models, one row per model per
-- snapshot, mapped to a lab by the uploading organisation (release_repos.csv Hugging Face owners and
-- the lab names in int_release_lab_names); an organisation no lab claims stays unmapped (NULL lab,
-- unknown country). created_at parsed from the Hub's ISO text; the snapshot's fetch day kept.
select
    h.model_id,
    h.author,
    n.lab_id,
    l.country_code,
    h.pipeline_tag,
    h.downloads,
    h.likes,
    try_cast(h.created_at as timestamptz) as created_at,
    h.license,
    h.library_name,
    cast(h.fetched_at as date) as snapshot_date,
    h.fetched_at,
    h.source_url,
    h.snapshot_sha256,
    h.record_index
from raw.raw_openness__hf_models as h
left join int.int_release_lab_names as n on n.name_key = lower(coalesce(h.author, split_part(h.model_id, '/', 1)))
left join int.int_labs as l on l.lab_id = n.lab_id
