-- stg_price_quotes: every price we hold in one shape, before any interpretation: the curated
-- pricing.csv rows (the source's own lab, country claim and as-of text) and the rows parsed from
-- fetched pages (Runway reference, Gemini pricing page, fal.ai, Alibaba Model Studio). Native price,
-- currency and billing unit as written; a range ("20-40") keeps both ends and no single price.
-- Billing units: per_second, per_clip, credits_per_second, per_1m_tokens, per_video, other.
-- tokens_per_clip is read only from a worked example the curated row itself cites ("a 15-s clip
-- ~308,880 tokens"). A Runway credit's USD value is the cited row of warehouse/seeds/unit_prices.csv
-- (USD 0.01, Runway's rw-setup-api-key skill), never a constant here.
with curated as (
    select
        'pricing_csv' as record_source,
        provider,
        case when provider ilike '%aggregator%' then 'aggregator'
             when provider ilike '%official%' then 'official' else 'other' end as provider_kind,
        nullif(trim(lab), '') as lab_text,
        nullif(trim(lab_country), '') as source_country_claim,
        cast(null as varchar) as source_lab_id,
        model,
        nullif(trim(tier_or_mode), '') as tier,
        nullif(trim(resolution), '') as resolution_text,
        concat_ws(' ', nullif(trim(tier_or_mode), ''), nullif(trim(resolution), '')) as audio_text,
        concat_ws(' ', model, tier_or_mode) as mode_text,
        notes as mode_notes,
        try_cast(nullif(trim(clip_seconds), '') as double) as clip_seconds,
        price as price_text,
        try_cast(trim(price) as double) as price_native,
        try_cast(regexp_extract(price, '^\s*([0-9.]+)\s*-\s*([0-9.]+)\s*$', 1) as double) as price_range_low,
        try_cast(regexp_extract(price, '^\s*([0-9.]+)\s*-\s*([0-9.]+)\s*$', 2) as double) as price_range_high,
        case when lower(trim(currency)) = 'credits' then 'credits' else upper(trim(currency)) end as native_currency,
        case
            when unit ilike 'credits per second%' then 'credits_per_second'
            when unit ilike 'per second%' then 'per_second'
            when unit ilike 'per clip%' then 'per_clip'
            when regexp_matches(unit, '(?i)^per 1m( output)? tokens') then 'per_1m_tokens'
            else 'other'
        end as billing_unit,
        unit as unit_text,
        case when lower(trim(currency)) = 'credits' then (
            select cast(u.usd_per_unit as double) from raw.raw_curated__unit_prices as u
            where u.provider = 'runway' and u.unit = 'credit') end as usd_per_credit,
        try_cast(replace(regexp_extract(notes, '~?([0-9][0-9,]*) tokens', 1), ',', '') as double) as tokens_per_clip,
        try_cast(regexp_extract(notes, '([0-9]+)-s clip ~?[0-9][0-9,]* tokens', 1) as double) as tokens_clip_seconds,
        try_cast(nullif(trim(price_per_second_usd), '') as double) as source_usd_per_s,
        nullif(trim(as_of), '') as as_of_text,
        notes,
        source_url,
        snapshot_sha256,
        cast(null as integer) as record_index,
        cast(null as timestamptz) as fetched_at,
        curated_file,
        curated_row
    from raw.raw_curated__pricing
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
    from raw.raw_pricing__runway_pricing
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
    from raw.raw_pricing__gemini_pricing
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
    from raw.raw_pricing__fal_pricing
),
alibaba as (
    select
        'alibaba_pricing', 'Alibaba Cloud Model Studio (official, fetched' || coalesce(': ' || section, '') || ')',
        'official', null, null, 'alibaba',
        model, null, resolution, null, model, null, null,
        price_text, price, null, null, upper(currency), 'per_second', unit,
        null, null, null, null, null, section,
        source_url, snapshot_sha256, record_index, fetched_at, null, null
    from raw.raw_pricing__alibaba_pricing
)
select * from curated
union all select * from runway
union all select * from gemini
union all select * from fal
union all select * from alibaba
