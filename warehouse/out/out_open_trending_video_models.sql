-- out_open_trending_video_models: the video-generation models that reached the Hugging Face Hub
-- trending list (pipeline tag text-to-video, image-to-video, image-text-to-video or video-to-video;
-- untagged models such as Comfy-Org/MiniMax-H3 are not counted), one row per model: lab and country
-- of the uploading organisation (NULL = no lab claims it: a re-uploader or an individual), how many
-- snapshots listed it, first and last snapshot, and downloads (the Hub's rolling recent-downloads
-- counter) and likes at its first and last appearance. Snapshots are the daily-hf-trending cache
-- commits (irregular, every few hours, only when the list changed), so counts are of snapshots,
-- not days.
select
    model_id,
    any_value(author) as author,
    any_value(lab_id) as lab_id,
    any_value(country_code) as country_code,
    case when any_value(country_code) in ('CN', 'US') then any_value(country_code)
         when any_value(country_code) is null then 'unknown' else 'other' end as country_group,
    any_value(pipeline_tag) as pipeline_tag,
    count(*) as snapshots_listed,
    min(fetched_at) as first_seen_at,
    max(fetched_at) as last_seen_at,
    arg_min(downloads, fetched_at) as first_downloads,
    arg_max(downloads, fetched_at) as last_downloads,
    arg_min(likes, fetched_at) as first_likes,
    arg_max(likes, fetched_at) as last_likes,
    max(downloads) as max_downloads,
    arg_max(source_url, fetched_at) as last_source_url
from marts.fct_open_model_stats
where source = 'hf_trending' and is_video_generation
group by model_id
order by first_seen_at, model_id
