-- fct_open_model_stats: Hugging Face Hub models as seen in each snapshot (key source + model_id +
-- snapshot_sha256), accumulating across snapshots so downloads and likes can be followed over time.
-- Two sources: hf_models (the video-generation tags by downloads, live) and hf_trending (the Hub's
-- trending list, any task: a history of what trends). Lab and country from the uploading
-- organisation; unknown stays NULL. downloads is the Hub's figure (a rolling recent-downloads
-- counter, not a lifetime total), likes the total at fetch time. is_video_generation: a
-- video-generation pipeline tag; only those rows feed the Q4 measures.
with models as (
    select 'hf_models' as source, model_id, snapshot_sha256, snapshot_date, fetched_at, author, lab_id,
           country_code, pipeline_tag,
           coalesce(pipeline_tag in ('text-to-video', 'image-to-video', 'image-text-to-video', 'video-to-video'), false)
               as is_video_generation,
           downloads, likes, created_at, license, library_name,
           cast(null as integer) as trending_position, source_url, record_index
    from int.int_open_models
    qualify row_number() over (partition by model_id, snapshot_sha256 order by record_index) = 1
),
trending as (
    select 'hf_trending', model_id, snapshot_sha256, snapshot_date, snapshot_at, author, lab_id,
           country_code, pipeline_tag, is_video_generation, downloads, likes,
           cast(null as timestamptz), cast(null as varchar), cast(null as varchar),
           list_position, source_url, record_index
    from int.int_hf_trending
    qualify row_number() over (partition by model_id, snapshot_sha256 order by record_index) = 1
)
select * from models
union all
select * from trending
