-- int_open_models: Hugging Face Hub text-to-video / image-to-video models, one row per model per
-- snapshot, mapped to a lab by the uploading organisation (release_repos.csv Hugging Face owners and
-- the lab names in int_release_lab_names); an organisation no lab claims stays unmapped (NULL lab,
-- unknown country). Tidied by stg_hf_models__models.
select
    h.model_id,
    h.author,
    n.lab_id,
    l.country_code,
    h.* exclude (model_id, author)
from stg.stg_hf_models__models as h
left join int.int_release_lab_names as n on n.name_key = lower(coalesce(h.author, split_part(h.model_id, '/', 1)))
left join int.int_labs as l on l.lab_id = n.lab_id
