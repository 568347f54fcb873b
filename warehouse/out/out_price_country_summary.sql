-- out_price_country_summary: China vs U.S. price of one second of video, per comparison, over the
-- offers out_price_per_second marks in_country_comparison (each offer's newest, still-open
-- observation; text-to-video or mode not stated; per second or a 5 s clip) that have a USD figure.
-- Comparisons: the reference specs ('720p_no_audio', '1080p_audio'); the same resolutions whatever
-- the audio ('720p_any_audio', '1080p_any_audio': audio yes, no or not stated); 'all_resolutions'.
-- Median and minimum USD per second per country, ratio CN / US (NULL where a side has no price),
-- the models behind each figure, and the CNY prices with the FX rate and date used. Country from
-- dim_labs (CN and US only here).
with offers as (
    select *
    from out.out_price_per_second
    where in_country_comparison and price_usd_per_s is not null and country_group in ('CN', 'US')
),
compared as (
    select 'all_resolutions' as comparison, * from offers
    union all by name
    select is_reference_spec as comparison, * from offers where is_reference_spec is not null
    union all by name
    select resolution || '_any_audio' as comparison, * from offers where resolution in ('720p', '1080p')
),
per_country as (
    select
        comparison,
        country_group,
        count(*) as offers,
        median(price_usd_per_s) as median_usd_per_s,
        min(price_usd_per_s) as min_usd_per_s,
        arg_min(model_display || ' via ' || provider, (price_usd_per_s, model_display, provider)) as cheapest,
        string_agg(model_display || ' — ' || provider || ' [' || concat_ws(', ', tier, resolution,
                   coalesce('as of ' || as_of_text, 'undated')) || '] $' || round(price_usd_per_s, 4), '; '
                   order by price_usd_per_s, model_display, provider, tier, resolution, as_of_text) as models,
        string_agg(case when native_currency = 'CNY' then model_display || ': ' || round(price_native_per_s, 4)
                   || ' CNY/s at ' || fx_rate_cny_per_usd || ' CNY/USD (' || fx_source || ', ' || fx_date || ')' end,
                   '; ' order by model_display, price_native_per_s, provider) as cny_conversions,
        max(coalesce(valid_from, cast(observed_at as date))) as latest_dated,
        count(*) filter (where valid_from is null) as undated_offers,
        string_agg(distinct source_url, ' ; ' order by source_url) as source_urls
    from compared
    group by comparison, country_group
),
comparisons(comparison, sort_order) as (
    values ('720p_no_audio', 1), ('1080p_audio', 2), ('720p_any_audio', 3), ('1080p_any_audio', 4), ('all_resolutions', 5)
)
select
    c.comparison,
    c.sort_order,
    cn.offers as cn_offers,
    cn.median_usd_per_s as cn_median_usd_per_s,
    cn.min_usd_per_s as cn_min_usd_per_s,
    cn.cheapest as cn_cheapest,
    us.offers as us_offers,
    us.median_usd_per_s as us_median_usd_per_s,
    us.min_usd_per_s as us_min_usd_per_s,
    us.cheapest as us_cheapest,
    cn.median_usd_per_s / nullif(us.median_usd_per_s, 0) as median_ratio_cn_to_us,
    cn.min_usd_per_s / nullif(us.min_usd_per_s, 0) as min_ratio_cn_to_us,
    cn.models as cn_models,
    us.models as us_models,
    nullif(concat_ws('; ', cn.cny_conversions, us.cny_conversions), '') as cny_conversions,
    greatest(cn.latest_dated, us.latest_dated) as latest_dated,
    coalesce(cn.undated_offers, 0) + coalesce(us.undated_offers, 0) as undated_offers,
    concat_ws(' ; ', cn.source_urls, us.source_urls) as source_urls
from comparisons as c
left join per_country as cn on cn.comparison = c.comparison and cn.country_group = 'CN'
left join per_country as us on us.comparison = c.comparison and us.country_group = 'US'
order by c.sort_order
