-- fct_price_observations: bitemporal price facts, one row per quote and resolution. Valid time:
-- valid_from is the first day the source places the price at (its as-of day, the first day of an
-- as-of month, the fetch day of a fetched page; NULL for a bare year or no date), valid_to the
-- valid_from of the next observation of the same offer (provider, model, tier, resolution, audio,
-- clip length, billing unit) with a different price, else a stated shutdown date, else NULL
-- (open). Transaction time: observed_at is when we saw it (the snapshot's fetched_at; for curated
-- rows the as-of date when it is a day or a month, else NULL), with observed_at_basis saying which.
-- "What did it cost on D": valid_from <= D < coalesce(valid_to, infinity). "What did we show on D":
-- the latest observed_at <= D per offer. is_latest_observation marks each offer's newest row.
with preferred_fx as (
    -- the published FX mart: a rate quarantine held back (an impossible FRED value) is never used
    select rate_date, rate, source as fx_source, source_url as fx_source_url
    from marts.fct_fx_rates
    where base_currency = 'USD' and quote_currency = 'CNY' and is_preferred
),
converted as (
    -- CNY divides by the preferred rate of the latest day on or before the observation's date, at
    -- most 7 days earlier; no dated observation or no rate -> USD stays NULL, with the reason
    select
        i.*,
        case when native_currency = 'CNY' and rate_date >= fx_lookup_date - interval 7 day then rate end as fx_rate_cny_per_usd,
        case when native_currency = 'CNY' and rate_date >= fx_lookup_date - interval 7 day then rate_date end as fx_date,
        case when native_currency = 'CNY' and rate_date >= fx_lookup_date - interval 7 day then fx_source end as fx_source,
        case when native_currency = 'CNY' and rate_date >= fx_lookup_date - interval 7 day then fx_source_url end as fx_source_url,
        case
            when native_currency in ('USD', 'credits') then price_per_s_before_fx
            when native_currency = 'CNY' and rate_date >= fx_lookup_date - interval 7 day then price_per_s_before_fx / rate
        end as price_usd_per_s,
        case
            when price_per_s_before_fx is null then null
            when native_currency in ('USD', 'credits') then base_method
            when native_currency = 'CNY' and rate_date >= fx_lookup_date - interval 7 day then base_method || '/cny_fx'
        end as usd_method,
        case
            when price_per_s_before_fx is not null and native_currency = 'CNY' and fx_lookup_date is null
                then 'CNY without a dated observation: no FX rate applies'
            when price_per_s_before_fx is not null and native_currency = 'CNY'
                 and (rate_date is null or rate_date < fx_lookup_date - interval 7 day)
                then 'no FX rate within 7 days before ' || fx_lookup_date
            when price_per_s_before_fx is not null then null
            when price_native is null and price_range_low is not null then 'price is a range'
            when billing_unit = 'per_clip' then 'per-clip price without a clip length'
            when billing_unit = 'per_video' then 'per-video price without a clip length'
            when billing_unit = 'per_1m_tokens' then 'token price without a token count per clip in the source'
            else 'not a per-output price (' || coalesce(unit_text, 'no unit') || ')'
        end as usd_missing_reason
    from int.int_price_observations as i
    asof left join preferred_fx as fx on i.fx_lookup_date >= fx.rate_date  -- used for CNY rows only
),
obs as (
    select
        *,
        lower(trim(regexp_replace(provider, '\s*\(.*\)\s*$', ''))) as provider_key,
        case
            when fetched_at is not null then cast(fetched_at at time zone 'UTC' as date)
            when as_of_precision in ('day', 'after_day', 'month') then as_of_date
        end as valid_from,
        case
            when fetched_at is not null then fetched_at
            when as_of_precision in ('day', 'after_day', 'month') then cast(as_of_date as timestamptz)
        end as observed_at,
        case
            when fetched_at is not null then 'snapshot fetched_at'
            when as_of_precision in ('day', 'after_day') then 'curated as_of day'
            when as_of_precision = 'month' then 'curated as_of month (first day)'
        end as observed_at_basis,
        record_source || ':' || coalesce(snapshot_sha256[:12] || '#' || record_index, curated_file || '#' || curated_row)
            || coalesce('@' || resolution, '') as observation_id
    from converted
),
bounded as (
    select
        o.*,
        coalesce((
            select min(n.valid_from) from obs as n
            where n.provider_key = o.provider_key and n.model_key = o.model_key
              and n.tier is not distinct from o.tier and n.resolution is not distinct from o.resolution
              and n.has_audio is not distinct from o.has_audio and n.clip_seconds is not distinct from o.clip_seconds
              and n.billing_unit = o.billing_unit
              and n.valid_from > o.valid_from and n.price_text is distinct from o.price_text
        ), o.shutdown_date) as valid_to
    from obs as o
)
select
    observation_id,
    provider, provider_key, provider_kind, record_source,
    model, model_key, model_display, model_family, lab_id, lab_basis, country_code, country_group,
    source_country_claim, country_claim_differs,
    tier, resolution_text, resolution, has_audio, mode, clip_seconds, is_reference_spec,
    is_reference_spec as reference_spec,  -- the same value under the name the change feed and headlines read
    price_text, price_native, price_range_low, price_range_high, native_currency, billing_unit, unit_text,
    usd_per_credit, tokens_per_clip, price_native_per_s,
    fx_rate_cny_per_usd, fx_date, fx_source, fx_source_url,
    price_usd_per_s, usd_method, usd_missing_reason, source_usd_per_s,
    valid_from, valid_to, as_of_text, as_of_date, as_of_precision, shutdown_date,
    observed_at, observed_at_basis,
    row_number() over (
        partition by provider_key, model_key, tier, resolution, has_audio, clip_seconds, billing_unit
        order by valid_from desc nulls last, observed_at desc nulls last, observation_id
    ) = 1 as is_latest_observation,
    notes, source_url, snapshot_sha256, record_index, fetched_at, curated_file, curated_row
from bounded
order by model_display, provider, resolution, valid_from
