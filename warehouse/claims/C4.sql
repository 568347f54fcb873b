-- C4 "Domestic models are often 10x cheaper, ~0.3 RMB per second vs higher U.S. equivalents":
-- USD per second of generated video, Chinese vs U.S. models, from the price observations. The
-- ratio of the U.S. median to the Chinese median is the "often" test: supported at 8x or more;
-- partly when the medians differ at least 2x or the extreme pair (dearest U.S. / cheapest Chinese)
-- reaches 10x; refuted otherwise. The RMB figure is reported beside it, not tested on its own.
with prices as (
    -- the newest observation of each offer (provider, model, reference spec): today's price list
    select model, country_code, price_usd_per_s, source_url
    from marts.fct_price_observations
    where country_code in ('CN', 'US') and price_usd_per_s > 0
    qualify row_number() over (partition by provider, model, reference_spec order by observed_at desc) = 1
),
summary as (
    select
        count(*) filter (where country_code = 'CN') as cn_n,
        count(*) filter (where country_code = 'US') as us_n,
        median(price_usd_per_s) filter (where country_code = 'CN') as cn_median,
        median(price_usd_per_s) filter (where country_code = 'US') as us_median,
        min(price_usd_per_s) filter (where country_code = 'CN') as cn_min,
        max(price_usd_per_s) filter (where country_code = 'US') as us_max
    from prices
)
select
    case when cn_n = 0 or us_n = 0 then null else
        'USD per second: CN median ' || round(cn_median, 3) || ' (' || cn_n || ' observations, cheapest '
        || round(cn_min, 3) || ') vs US median ' || round(us_median, 3) || ' (' || us_n || ', dearest '
        || round(us_max, 3) || '): medians ' || round(us_median / cn_median, 1) || 'x apart, extremes '
        || round(us_max / cn_min, 1) || 'x'
    end as value,
    case
        when cn_n = 0 or us_n = 0 then 'insufficient data'
        when us_median / cn_median >= 8 then 'supported'
        when us_median / cn_median >= 2 or us_max / cn_min >= 10 then 'partly'
        else 'refuted'
    end as verdict,
    case
        when cn_n = 0 or us_n = 0 then 'no USD-per-second prices for both Chinese and U.S. models'
        when us_median / cn_median >= 8 then 'typical Chinese prices are about an order of magnitude lower'
        when us_median / cn_median >= 2 or us_max / cn_min >= 10 then 'Chinese models are cheaper, but 10x holds only for the extreme pairs, not typically'
        else 'typical prices are within 2x of each other'
    end as reason,
    'marts.fct_price_observations: CN and US rows with price_usd_per_s' as evidence,
    (select string_agg(distinct source_url, ' ; ' order by source_url) from prices) as evidence_urls
from summary
