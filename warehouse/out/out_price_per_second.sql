-- out_price_per_second: the price of one second of video per model and provider over time: every
-- observation with a per-second figure (USD, or native CNY awaiting a rate), newest offer marked.
-- Native price and currency, the FX rate and its date, and the method stay beside the USD figure;
-- the date is valid_from (when the price applied), NULL where the source gives no usable date.
-- in_country_comparison marks the rows the China vs U.S. comparison uses: each offer's newest
-- observation, still open (no later price, no shutdown), text-to-video or mode not stated, priced
-- per second (or credits/tokens per second) or for a 5 s clip.
select
    observation_id,
    model_display,
    model,
    lab_id,
    country_code,
    country_group,
    provider,
    provider_kind,
    tier,
    resolution,
    has_audio,
    mode,
    clip_seconds,
    is_reference_spec,
    price_usd_per_s,
    usd_method,
    price_native,
    price_native_per_s,
    native_currency,
    unit_text,
    billing_unit,
    fx_rate_cny_per_usd,
    fx_date,
    fx_source,
    valid_from,
    valid_to,
    as_of_text,
    observed_at,
    observed_at_basis,
    is_latest_observation,
    is_latest_observation and valid_to is null and (mode is null or mode = 't2v')
        and (billing_unit in ('per_second', 'credits_per_second', 'per_1m_tokens') or clip_seconds = 5)
        as in_country_comparison,
    source_url,
    snapshot_sha256,
    curated_file,
    curated_row
from marts.fct_price_observations
where price_usd_per_s is not null or price_native_per_s is not null
order by model_display, provider, valid_from nulls first, resolution
