-- int_hf_trending: the Hugging Face Hub trending models list, one row per model per snapshot
-- (every few hours, 2026-03-02 -> 2026-08-22 in the recordings), the author mapped to a lab as in
-- int_open_models (an organisation no lab claims stays unmapped: NULL lab, unknown country; a
-- re-uploader such as unsloth or Comfy-Org is not the lab). is_video_generation: the pipeline tag
-- is a video-generation task (text-to-video, image-to-video, image-text-to-video, video-to-video);
-- a model without a tag is not counted as video. Tidied by stg_hf_trending__models.
select
    t.model_id,
    t.author,
    t.author_fullname,
    t.author_type,
    n.lab_id,
    l.country_code,
    t.pipeline_tag,
    coalesce(t.pipeline_tag in ('text-to-video', 'image-to-video', 'image-text-to-video', 'video-to-video'), false)
        as is_video_generation,
    t.* exclude (model_id, author, author_fullname, author_type, pipeline_tag)
from stg.stg_hf_trending__models as t
left join int.int_release_lab_names as n on n.name_key = lower(t.author)
left join int.int_labs as l on l.lab_id = n.lab_id
