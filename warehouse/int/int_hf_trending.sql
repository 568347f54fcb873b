-- int_hf_trending: the Hugging Face Hub trending models list, one row per model per snapshot
-- (every few hours, 2026-03-02 -> 2026-08-22 in the recordings), the author mapped to a lab as in
-- int_open_models (an organisation no lab claims stays unmapped: NULL lab, unknown country; a
-- re-uploader such as unsloth or Comfy-Org is not the lab). is_video_generation: the pipeline tag
-- is a video-generation task (text-to-video, image-to-video, image-text-to-video, video-to-video);
-- a model without a tag is not counted as video. snapshot_at = when the cache was committed.
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
    t.downloads,
    t.likes,
    try_cast(t.last_modified as timestamptz) as last_modified_at,
    t.num_parameters,
    t.gated,
    t.list_position,
    cast(t.fetched_at as date) as snapshot_date,
    t.fetched_at as snapshot_at,
    t.source_url,
    t.snapshot_sha256,
    t.record_index
from raw.raw_openness__hf_trending as t
left join int.int_release_lab_names as n on n.name_key = lower(t.author)
left join int.int_labs as l on l.lab_id = n.lab_id
