-- stg_openrouter__video_models: OpenRouter's model list, video-output models only, one row per model
-- id (its newest snapshot). The id split into its owner and slug (a ":variant" suffix dropped); a
-- display name "Lab: Model" split into name_lab and name_model.
with source as (
    select * from raw.raw_releases__openrouter
    where is_video_output
    qualify row_number() over (partition by model_id order by fetched_at desc) = 1
)
select
    *,
    split_part(model_id, '/', 1) as owner,
    regexp_replace(split_part(model_id, '/', 2), ':.*$', '') as slug,
    case when name like '%:%' then trim(split_part(name, ':', 1)) end as name_lab,
    trim(regexp_replace(name, '^[^:]*:\s*', '')) as name_model
from source
