-- fct_price_observations: bitemporal price facts, one row per quote and resolution. Valid time:
-- valid_from is the first day the source places the price at (its as-of day, the first day of an
-- as-of month, the fetch day of a fetched page; NULL for a bare year or no date), valid_to the
-- valid_from of the next observation of the same offer (provider, model, tier, resolution, audio,
-- clip length, billing unit) with a different price, else a stated shutdown date, else NULL
-- (open). Transaction time: observed_at is when we saw it (the snapshot's fetched_at; for curated
-- rows the as-of date when it is a day or a month, else NULL), with observed_at_basis saying which.
-- "What did it cost on D": valid_from <= D < coalesce(valid_to, infinity). "What did we show on D":
-- the latest observed_at <= D per offer. is_latest_observation marks each offer's newest row.
with obs as (
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
    from int.int_price_observations
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
