-- changes_price_change: the USD price per second of an offer (provider, model, reference spec)
-- moved by more than 10% from its previous observation. Observations accumulate across refreshes
-- (observed_at), so this compares each refresh's price with the one stored before it.
with sequenced as (
    select
        * replace (cast(price_usd_per_s as double) as price_usd_per_s),
        lag(cast(price_usd_per_s as double)) over by_time as previous_price,
        lag(observed_at) over by_time as previous_observed_at
    from marts.fct_price_observations
    where price_usd_per_s is not null and reference_spec is not null
    window by_time as (partition by provider, model, reference_spec order by observed_at)
)
select
    cast(observed_at as date) as change_date,
    'price_change' as kind,
    model || ' via ' || provider || ' (' || reference_spec || ')' as subject,
    '$' || round(previous_price, 4) || '/s' as old_value,
    '$' || round(price_usd_per_s, 4) || '/s' as new_value,
    country_code,
    'Price of ' || model || ' via ' || provider || ' (' || reference_spec || ') moved '
        || round(100 * (price_usd_per_s - previous_price) / previous_price, 1) || '% from $'
        || round(previous_price, 4) || ' (' || cast(previous_observed_at as date) || ') to $'
        || round(price_usd_per_s, 4) || ' per second.' as detail,
    source_url
from sequenced
where previous_price > 0 and abs(price_usd_per_s - previous_price) / previous_price > 0.10
