-- out_open_downloads_by_country: Hugging Face text-to-video and image-to-video models per fetch day
-- and country group of the uploading organisation: models listed, their downloads as the Hub API
-- reports them (the last 30 days) and likes, and the most downloaded model. Each model counts once
-- per day (its newest snapshot that day). Empty until a live fetch has loaded a Hub snapshot (the
-- trending list, which is recorded, is summarised in out_open_trending_video_*).
with latest as (
    select *,
        case when country_code in ('CN', 'US') then country_code when country_code is null then 'unknown' else 'other' end
            as country_group
    from marts.fct_open_model_stats
    where source = 'hf_models' and is_video_generation
    qualify row_number() over (partition by snapshot_date, model_id order by fetched_at desc, snapshot_sha256) = 1
)
select
    snapshot_date,
    country_group,
    count(*) as models,
    sum(downloads) as downloads_30d,
    sum(likes) as likes,
    arg_max(model_id, downloads) as top_model,
    max(downloads) as top_model_downloads_30d,
    string_agg(distinct source_url, ' ; ' order by source_url) as source_urls
from latest
group by all
order by snapshot_date, country_group
