-- out_open_trending_video_by_country: per trending snapshot day and country group, how many
-- video-generation models were on the Hugging Face Hub trending list (each model once per day, its
-- newest snapshot that day), their downloads (the Hub's rolling recent-downloads counter) and likes,
-- and the most downloaded one. Only days with at least one video model appear; a country group
-- without a video model that day has no row (not a zero).
with daily as (
    select *,
        case when country_code in ('CN', 'US') then country_code when country_code is null then 'unknown' else 'other' end
            as country_group
    from marts.fct_open_model_stats
    where source = 'hf_trending' and is_video_generation
    qualify row_number() over (partition by snapshot_date, model_id order by fetched_at desc, snapshot_sha256) = 1
)
select
    snapshot_date,
    country_group,
    count(*) as video_models_trending,
    sum(downloads) as downloads_recent,
    sum(likes) as likes,
    arg_max(model_id, downloads) as top_model,
    string_agg(model_id, ' ; ' order by model_id) as models,
    string_agg(distinct source_url, ' ; ' order by source_url) as source_urls
from daily
group by all
order by snapshot_date, country_group
