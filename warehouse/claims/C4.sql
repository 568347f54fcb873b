-- C4 "Domestic models are often 10x cheaper, ~0.3 RMB per second vs higher U.S. equivalents",
-- recomputed on today's price list: each offer's newest observation still in force (no later
-- price, no shutdown), text-to-video or mode not stated, USD per second, compared like for like at
-- the same output resolution (720p, 1080p) -- the LiteLLM catalogue of 2026-11-20 (90 video
-- entries) supplies most of these offers, beside the curated and fetched price pages. "Often 10x"
-- is tested two ways: the ratio of the U.S. median to the Chinese median at each resolution, and
-- the share of (Chinese offer, U.S. offer) pairs at the same resolution where the U.S. one costs
-- 10x or more. Supported if a median ratio reaches 8x or half the pairs are 10x apart; partly if a
-- median ratio reaches 2x or a tenth of the pairs are 10x apart; refuted otherwise. The RMB figure
-- is reported beside it (0.3 CNY/s is about $0.04/s), not tested on its own.
-- On the bundled data: refuted. 720p medians China $0.124/s vs U.S. $0.140/s (1.1x), 1080p $0.180
-- vs $0.140 (China dearer); 4 of 910 same-resolution pairs are 10x apart. The 10x holds only for the
-- cheapest Chinese offers against the dearest U.S. launch prices. data_through: the newest
-- valid_from among the offers compared.
with offers as (
    select provider, model, resolution, country_code, price_usd_per_s, valid_from, source_url
    from marts.fct_price_observations
    where is_latest_observation and valid_to is null and price_usd_per_s > 0
      and (mode is null or mode = 't2v') and country_code in ('CN', 'US') and resolution in ('720p', '1080p')
),
per_resolution as (
    select
        resolution,
        count(*) filter (where country_code = 'CN') as cn_n,
        count(*) filter (where country_code = 'US') as us_n,
        median(price_usd_per_s) filter (where country_code = 'CN') as cn_median,
        median(price_usd_per_s) filter (where country_code = 'US') as us_median,
        min(price_usd_per_s) filter (where country_code = 'CN') as cn_min,
        max(price_usd_per_s) filter (where country_code = 'US') as us_max
    from offers
    group by resolution
),
pairs as (
    select c.resolution, count(*) as n, count(*) filter (where u.price_usd_per_s >= 10 * c.price_usd_per_s) as ten_x
    from offers as c
    join offers as u on u.resolution = c.resolution and u.country_code = 'US'
    where c.country_code = 'CN'
    group by c.resolution
),
judged as (
    select r.*, p.n as pairs, p.ten_x, r.us_median / r.cn_median as median_ratio
    from per_resolution as r
    join pairs as p using (resolution)
    where r.cn_n > 0 and r.us_n > 0
),
summary as (
    select count(*) as resolutions, max(median_ratio) as best_ratio, sum(pairs) as pairs, sum(ten_x) as ten_x,
           string_agg(resolution || ': median CN $' || round(cn_median, 3) || '/s (' || cn_n || ' offers, cheapest $'
                      || round(cn_min, 3) || ') vs US $' || round(us_median, 3) || '/s (' || us_n || ', dearest $'
                      || round(us_max, 3) || '), US/CN ' || round(median_ratio, 2) || 'x; ' || ten_x || ' of ' || pairs
                      || ' pairs 10x apart', '; ' order by resolution desc) as text
    from judged
)
select
    case when s.resolutions = 0 then null else
        'Price list in force (text-to-video, USD per second, same resolution): ' || s.text
        || '. ~0.3 RMB/s is about $0.04/s.'
    end as value,
    case
        when s.resolutions = 0 then 'insufficient data'
        when s.best_ratio >= 8 or s.ten_x * 2 >= s.pairs then 'supported'
        when s.best_ratio >= 2 or s.ten_x * 10 >= s.pairs then 'partly'
        else 'refuted'
    end as verdict,
    case
        when s.resolutions = 0 then 'no Chinese and U.S. prices at the same resolution'
        when s.best_ratio >= 8 or s.ten_x * 2 >= s.pairs then 'typical Chinese prices are about an order of magnitude lower'
        when s.best_ratio >= 2 or s.ten_x * 10 >= s.pairs then 'Chinese offers are cheaper, but 10x is not typical'
        else 'like for like, typical Chinese and U.S. prices are within 2x (' || s.ten_x || ' of ' || s.pairs
             || ' same-resolution pairs are 10x apart): the 10x holds only for extreme pairs'
    end as reason,
    'marts.fct_price_observations: each offer''s newest observation in force, text-to-video or mode not stated, '
        || 'CN and US at 720p and 1080p' as evidence,
    (select string_agg(distinct source_url, ' ; ' order by source_url) from offers) as evidence_urls,
    (select max(valid_from) from offers) as data_through
from summary as s
