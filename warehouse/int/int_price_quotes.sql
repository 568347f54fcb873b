-- int_price_quotes: every price we hold in one shape, before any interpretation: the curated
-- pricing.csv rows (the source's own lab, country claim and as-of text) and the rows parsed from
-- fetched pages (Runway reference, Gemini pricing page, fal.ai, Alibaba Model Studio, LiteLLM's
-- catalogue) and LiteLLM's five-release price history (curated). Native price,
-- currency and billing unit as written; a range ("20-40") keeps both ends and no single price.
-- Billing units: per_second, per_clip, credits_per_second, per_1m_tokens, per_video, other.
-- tokens_per_clip is read only from a worked example the curated row itself cites ("a 15-s clip
-- ~308,880 tokens"). A Runway credit's USD value is the cited row of warehouse/seeds/unit_prices.csv
-- (USD 0.01, Runway's rw-setup-api-key skill), never a constant here.
-- LiteLLM rows: provider = the vendor selling the model (litellm_providers.csv: a lab's own platform,
-- a cloud reseller or an aggregator), never taken as the lab: the lab comes from the model (family)
-- downstream. A vendor names its own lab only when it sells its own models alone (not Runway, which
-- also resells others'). Resolution = the price field's suffix; the default rate has none. The
-- entry's pricing URL is kept in notes as evidence (it can differ between a bare key and its twin).
-- A curated release whose upload day a fetched
-- catalogue snapshot covers is left out (the fetched snapshot stands for it).
with curated as (
    select
        'pricing_csv' as record_source,
        provider,
        case when provider ilike '%aggregator%' then 'aggregator'
             when provider ilike '%official%' then 'official' else 'other' end as provider_kind,
        lab as lab_text,
        lab_country as source_country_claim,
        cast(null as varchar) as source_lab_id,
        model,
        tier_or_mode as tier,
        resolution as resolution_text,
        concat_ws(' ', tier_or_mode, resolution) as audio_text,
        concat_ws(' ', model, tier_or_mode) as mode_text,
        notes as mode_notes,
        clip_seconds,
        price_text,
        price as price_native,
        price_range_low,
        price_range_high,
        currency as native_currency,
        case
            when unit ilike 'credits per second%' then 'credits_per_second'
            when unit ilike 'per second%' then 'per_second'
            when unit ilike 'per clip%' then 'per_clip'
            when regexp_matches(unit, '(?i)^per 1m( output)? tokens') then 'per_1m_tokens'
            else 'other'
        end as billing_unit,
        unit as unit_text,
        case when currency = 'credits' then (
            select u.usd_per_unit from stg.stg_curated__unit_prices as u
            where u.provider = 'runway' and u.unit = 'credit') end as usd_per_credit,
        try_cast(replace(regexp_extract(notes, '~?([0-9][0-9,]*) tokens', 1), ',', '') as double) as tokens_per_clip,
        try_cast(regexp_extract(notes, '([0-9]+)-s clip ~?[0-9][0-9,]* tokens', 1) as double) as tokens_clip_seconds,
        price_per_second_usd as source_usd_per_s,
        as_of_text,
        notes,
        source_url,
        snapshot_sha256,
        cast(null as integer) as record_index,
        cast(null as timestamptz) as fetched_at,
        curated_file,
        curated_row
    from stg.stg_curated__pricing
),
runway as (
    select
        'runway_pricing' as record_source, 'Runway API (official, fetched)' as provider, 'official' as provider_kind,
        cast(null as varchar) as lab_text, cast(null as varchar) as source_country_claim,
        cast(null as varchar) as source_lab_id,
        model, cast(null as varchar) as tier, cast(null as varchar) as resolution_text,
        cast(null as varchar) as audio_text, model as mode_text, notes as mode_notes,
        cast(null as double) as clip_seconds,
        case when credits_per_second_max > credits_per_second
             then credits_per_second || '-' || credits_per_second_max else credits_per_second::varchar end as price_text,
        case when credits_per_second_max > credits_per_second then null else credits_per_second end as price_native,
        case when credits_per_second_max > credits_per_second then credits_per_second end as price_range_low,
        case when credits_per_second_max > credits_per_second then credits_per_second_max end as price_range_high,
        'credits' as native_currency, 'credits_per_second' as billing_unit, unit as unit_text, usd_per_credit,
        cast(null as double) as tokens_per_clip, cast(null as double) as tokens_clip_seconds,
        cast(null as double) as source_usd_per_s, cast(null as varchar) as as_of_text, notes,
        source_url, snapshot_sha256, record_index, fetched_at,
        cast(null as varchar) as curated_file, cast(null as integer) as curated_row
    from stg.stg_runway_pricing__prices
),
gemini as (
    select
        'gemini_pricing', 'Google Gemini API (official, fetched)', 'official', null, null, 'google',
        model, tier, resolution, concat_ws(' ', description, price_text, case when audio then 'with audio'
                                                                         when not audio then 'without audio' end),
        concat_ws(' ', model, description), null, null,
        price_text, price_usd, null, null, 'USD',
        case when unit = 'per second' then 'per_second' when unit = 'per video' then 'per_video' else 'other' end,
        unit, null, null, null, null, null, concat_ws(' | ', description, price_column),
        source_url, snapshot_sha256, record_index, fetched_at, null, null
    from stg.stg_gemini_pricing__prices
),
fal as (
    select
        'fal_pricing', 'fal.ai (aggregator, fetched)', 'aggregator', null, null, null,
        endpoint_id, null, null, null, endpoint_id, null, null,
        coalesce(price_text, unit_price::varchar), unit_price, null, null, upper(currency),
        case when lower(unit) in ('second', 'seconds', 'video_second') then 'per_second'
             when lower(unit) in ('video', 'videos') then 'per_video' else 'other' end,
        unit, null, null, null, null, null, shape,
        source_url, snapshot_sha256, record_index, fetched_at, null, null
    from stg.stg_fal_pricing__prices
),
alibaba as (
    select
        'alibaba_pricing', 'Alibaba Cloud Model Studio (official, fetched' || coalesce(': ' || section, '') || ')',
        'official', null, null, 'alibaba',
        model, null, resolution, null, model, null, null,
        price_text, price, null, null, upper(currency), 'per_second', unit,
        null, null, null, null, null, section,
        source_url, snapshot_sha256, record_index, fetched_at, null, null
    from stg.stg_alibaba_pricing__prices
),
litellm_vendors as (
    select
        litellm_provider,
        vendor_name,
        vendor_kind,
        vendor_lab_id
    from stg.stg_curated__litellm_providers
),
litellm_prices as (
    select
        'litellm_pricing' as record_source, key, litellm_provider, model, resolution, price_field,
        price_usd_per_s, pricing_url, deprecation_date,
        strftime(fetched_at at time zone 'UTC', '%Y-%m-%d') || ' (catalogue as read)' as as_of_text,
        source_url, snapshot_sha256, record_index, fetched_at,
        cast(null as varchar) as curated_file, cast(null as integer) as curated_row
    from stg.stg_litellm_pricing__prices
    union all
    select
        'litellm_price_history', key, litellm_provider,
        case when strpos(key, '/') > 0 then substr(key, strpos(key, '/') + 1) else key end,
        nullif(regexp_extract(price_field, '^output_cost_per_second_(\d{3,4}p|\dk)$', 1), ''), price_field,
        price_usd_per_s, pricing_url, cast(deprecation_date as varchar),
        strftime(wheel_uploaded_at at time zone 'UTC', '%Y-%m-%d') || ' (litellm ' || litellm_version || ' upload day)',
        source_url, snapshot_sha256, cast(null as integer), cast(null as timestamptz), curated_file, curated_row
    from (
        unpivot stg.stg_curated__litellm_price_history
        on output_cost_per_second, output_cost_per_second_480p, output_cost_per_second_720p,
           output_cost_per_second_768p, output_cost_per_second_1080p, output_cost_per_second_2k,
           output_cost_per_second_4k, output_cost_per_video_per_second
        into name price_field value price_usd_per_s
    ) as h
    where price_usd_per_s is not null
      and not exists (
          select 1 from stg.stg_litellm_pricing__prices as f
          where cast(f.fetched_at at time zone 'UTC' as date) = cast(h.wheel_uploaded_at at time zone 'UTC' as date)
      )
),
litellm as (
    select
        p.record_source,
        'LiteLLM catalogue: ' || coalesce(v.vendor_name, p.litellm_provider)
            || ' (' || coalesce(v.vendor_kind, 'vendor unknown') || ')' as provider,
        case when v.vendor_kind = 'lab_platform' then 'official'
             when v.vendor_kind in ('aggregator', 'cloud_reseller') then 'aggregator' else 'other' end as provider_kind,
        -- the maker the key itself names: fal keys start with it (bytedance/…, minimax/…); Runway's own
        -- models (gen*, aleph*, act*) on its API
        case when p.litellm_provider = 'fal_ai' and strpos(p.model, '/') > 0 then split_part(p.model, '/', 1)
             when p.litellm_provider = 'runwayml' and regexp_matches(p.model, '^(gen|aleph|act)') then 'runway'
        end as lab_text,
        cast(null as varchar) as source_country_claim,
        case when v.vendor_kind = 'lab_platform' and p.litellm_provider <> 'runwayml' then v.vendor_lab_id end
            as source_lab_id,
        p.model,
        cast(null as varchar) as tier,
        p.resolution as resolution_text,
        cast(null as varchar) as audio_text,
        p.key as mode_text,
        cast(null as varchar) as mode_notes,
        cast(null as double) as clip_seconds,
        p.price_usd_per_s::varchar as price_text,
        p.price_usd_per_s as price_native,
        cast(null as double) as price_range_low,
        cast(null as double) as price_range_high,
        'USD' as native_currency,
        'per_second' as billing_unit,
        'USD per output second (' || p.price_field || ')' as unit_text,
        cast(null as double) as usd_per_credit,
        cast(null as double) as tokens_per_clip,
        cast(null as double) as tokens_clip_seconds,
        cast(null as double) as source_usd_per_s,
        p.as_of_text,
        concat_ws('; ', 'LiteLLM key ' || p.key || ' (' || p.litellm_provider || ')',
                  case when p.resolution is null then 'default rate: LiteLLM charges it at every resolution '
                       || 'without a price of its own' end,
                  'provider pricing page: ' || p.pricing_url,
                  'deprecation date: ' || p.deprecation_date) as notes,
        p.source_url,
        p.snapshot_sha256,
        p.record_index,
        p.fetched_at,
        p.curated_file,
        p.curated_row
    from litellm_prices as p
    left join litellm_vendors as v on v.litellm_provider = p.litellm_provider
    -- a bare key (sora-2) is LiteLLM's alias of its provider-prefixed twin (openai/sora-2): one offer, so
    -- the alias is left out where the twin in the same catalogue gives the same price
    where strpos(p.key, '/') > 0 or not exists (
        select 1 from litellm_prices as twin
        where twin.key = p.litellm_provider || '/' || p.key and twin.snapshot_sha256 = p.snapshot_sha256
          and twin.as_of_text is not distinct from p.as_of_text and twin.resolution is not distinct from p.resolution
          and twin.price_usd_per_s = p.price_usd_per_s
    )
)
select * from curated
union all select * from runway
union all select * from gemini
union all select * from fal
union all select * from alibaba
union all select * from litellm
