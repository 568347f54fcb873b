-- int_price_observations: one row per price quote and output resolution, interpreted. A quote for
-- several resolutions ("720p / 1080p") applies to each; "1280x720" is its short side (720p), 4K is
-- 2160p, 2K 1440p. Audio and mode (t2v/i2v/v2v/s2v) only where the source says so, else NULL.
-- Lab: the model family (int_model_families) first, then the lab the source names (int_lab_aliases),
-- then the model's brand prefix (veo, kling, seedance...), then the publishing lab's own page;
-- country from dim_labs, with the source's own claim kept beside it. As-of text -> a date with its
-- precision (day, after_day, month, year). USD per second: per_second as is, per_clip/seconds,
-- credits*0.01, per_1m_tokens*tokens_per_clip/seconds, in the native currency
-- (price_per_s_before_fx) with the day an FX rate applies (fx_lookup_date); the CNY -> USD step is
-- in marts.fct_price_observations, on the FX mart, so a rate quarantine holds back never prices.
with quotes as (
    select
        *,
        -- shutdown dates end a price's validity; they are not its as-of date
        try_cast(regexp_extract(as_of_text, '(?i)shut ?down on (\d{4}-\d{2}-\d{2})', 1) as date) as shutdown_date,
        regexp_replace(coalesce(as_of_text, ''), '(?i)\(?[^()]*shut ?down on \d{4}-\d{2}-\d{2}\)?', '') as as_of_clean
    from int.int_price_quotes
),
dated as (
    select
        *,
        case
            when regexp_matches(as_of_clean, '^\s*after\s+\d{4}-\d{2}-\d{2}') then 'after_day'
            when regexp_matches(as_of_clean, '\d{4}-\d{2}-\d{2}') then 'day'
            when regexp_matches(as_of_clean, '^\s*\d{4} \(after [A-Z][a-z]{2} \d{1,2}\)') then 'after_day'
            when regexp_matches(as_of_clean, '^\s*\d{4}-\d{2}\s*$') then 'month'
            when regexp_matches(as_of_clean, '^\s*\d{4}\b') then 'year'
        end as as_of_precision,
        coalesce(
            try_cast(regexp_extract(as_of_clean, '(\d{4}-\d{2}-\d{2})', 1) as date),
            try_strptime(regexp_extract(as_of_clean, '^\s*(\d{4}) \(after ([A-Z][a-z]{2} \d{1,2})\)', 1) || ' '
                         || regexp_extract(as_of_clean, '^\s*(\d{4}) \(after ([A-Z][a-z]{2} \d{1,2})\)', 2),
                         '%Y %b %d')::date,
            try_cast(regexp_extract(as_of_clean, '^\s*(\d{4}-\d{2})\s*$', 1) || '-01' as date)
        ) as as_of_date
    from quotes
),
expanded as (
    select distinct
        d.* exclude (as_of_clean),
        case
            when token is null then null
            when regexp_matches(token, '(?i)\b4k\b') then '2160p'
            when regexp_matches(token, '(?i)\b2k\b') then '1440p'
            when regexp_matches(token, '\d{3,4}\s*[xX×:]\s*\d{3,4}') then least(
                cast(regexp_extract(token, '(\d{3,4})\s*[xX×:]\s*(\d{3,4})', 1) as integer),
                cast(regexp_extract(token, '(\d{3,4})\s*[xX×:]\s*(\d{3,4})', 2) as integer))::varchar || 'p'
            when regexp_matches(token, '(?i)\d{3,4}\s*p') then regexp_extract(token, '(?i)(\d{3,4})\s*p', 1) || 'p'
        end as resolution
    from dated as d
    left join lateral (
        select unnest(string_split(regexp_replace(d.resolution_text, '\s*(/|&|,|\band\b)\s*', '|', 'g'), '|')) as token
    ) as t on true
),
keyed as (
    select
        *,
        -- a model name as the family patterns expect it: "Veo 3.1 Standard" -> veo-3.1-standard,
        -- "veo3.1_fast (Google, resold)" -> veo-3.1-fast, "seedance-1-5-pro" -> seedance-1.5-pro
        regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
            lower(regexp_replace(model, '\s*\(.*\)\s*$', '')),
            '[\s_/]+', '-', 'g'), '^(doubao-|fal-ai-)', ''), '-video\b', '', 'g'),
            '^([a-z]+)(\d)', '\1-\2'), '(\d)-(\d)\b', '\1.\2', 'g') as model_key
    from expanded
),
with_family as (
    select k.*, f.family as model_family, f.lab_id as family_lab_id
    from keyed as k
    left join int.int_model_families as f
        on regexp_matches(k.model_key, f.pattern) or regexp_matches('runway-' || k.model_key, f.pattern)
    qualify row_number() over (
        partition by k.record_source, k.source_url, k.snapshot_sha256, k.record_index, k.curated_row, k.resolution
        order by f.priority nulls last) = 1
),
brands(brand, lab_id) as (
    values ('veo', 'google'), ('sora', 'openai'), ('gen', 'runway'), ('act', 'runway'), ('ray', 'luma'),
           ('grok', 'xai'), ('kling', 'kuaishou'), ('seedance', 'bytedance'), ('hailuo', 'minimax'),
           ('minimax', 'minimax'), ('wan', 'alibaba'), ('wanx', 'alibaba'), ('vidu', 'shengshu'),
           ('hunyuan', 'tencent')
),
with_lab as (
    select
        w.*,
        coalesce(w.family_lab_id, named.lab_id, first_word.lab_id, b.lab_id, w.source_lab_id) as lab_id,
        case
            when w.family_lab_id is not null then 'model family'
            when coalesce(named.lab_id, first_word.lab_id) is not null then 'lab named by the source'
            when b.lab_id is not null then 'model brand prefix'
            when w.source_lab_id is not null then 'the lab''s own price page'
        end as lab_basis
    from with_family as w
    left join int.int_lab_aliases as named
        on named.alias_key = lower(trim(regexp_replace(w.lab_text, '\s*\(.*\)\s*$', '')))
    left join int.int_lab_aliases as first_word on first_word.alias_key = lower(split_part(trim(w.lab_text), ' ', 1))
    left join brands as b on b.brand = regexp_extract(w.model_key, '^([a-z]+)', 1)
),
interpreted as (
    select
        w.*,
        l.country_code,
        case when l.country_code in ('CN', 'US') then l.country_code
             when l.country_code is null then 'unknown' else 'other' end as country_group,
        case
            when regexp_matches(lower(w.audio_text), '\b(without|no)\s+audio\b|\bsilent\b') then false
            when regexp_matches(lower(w.audio_text), '\bwith\s+(native\s+)?audio\b') then true
        end as has_audio,
        case
            when regexp_matches(lower(w.mode_text), 's2v|speech-to-video') then 's2v'
            when regexp_matches(lower(w.mode_text), 't2v|text-to-video|text/image') then 't2v'  -- t2v among several modes counts
            when regexp_matches(lower(w.mode_text), 'i2v|image-to-video') then 'i2v'
            when regexp_matches(lower(w.mode_text), 'v2v|video-to-video|editing') then 'v2v'
            when regexp_matches(lower(w.mode_notes), '^image-to-video only|image required') then 'i2v'
            when regexp_matches(lower(w.mode_notes), '^video-to-video|video \+ text') then 'v2v'
            when regexp_matches(lower(w.mode_notes), 'text and/or image to video|text_to_video') then 't2v'
            when regexp_matches(lower(w.mode_notes), 'image_to_video') then 'i2v'
        end as mode,
        case
            when w.billing_unit = 'per_second' then w.price_native
            when w.billing_unit = 'per_clip' and w.clip_seconds > 0 then w.price_native / w.clip_seconds
            when w.billing_unit = 'credits_per_second' then w.price_native * w.usd_per_credit
            when w.billing_unit = 'per_1m_tokens' and w.tokens_clip_seconds > 0
                then w.price_native * w.tokens_per_clip / 1e6 / w.tokens_clip_seconds
        end as price_per_s_before_fx,  -- in native currency (credits already turned into USD)
        case
            when w.billing_unit = 'per_second' then 'per_second'
            when w.billing_unit = 'per_clip' and w.clip_seconds > 0 then 'per_clip/seconds'
            when w.billing_unit = 'credits_per_second' then 'credits*' || w.usd_per_credit
            when w.billing_unit = 'per_1m_tokens' and w.tokens_clip_seconds > 0 then 'per_1m_tokens*tokens_per_clip/seconds'
        end as base_method,
        case
            when w.fetched_at is not null then cast(w.fetched_at at time zone 'UTC' as date)
            when w.as_of_precision in ('day', 'after_day') then w.as_of_date
        end as fx_lookup_date
    from with_lab as w
    left join int.int_labs as l on l.lab_id = w.lab_id
)
select
    record_source,
    provider,
    provider_kind,
    model,
    model_key,
    coalesce(model_family, model) as model_display,
    model_family,
    lab_id,
    lab_basis,
    lab_text,
    country_code,
    country_group,
    source_country_claim,
    source_country_claim is not null and country_code is not null
        and source_country_claim <> country_code as country_claim_differs,
    tier,
    resolution_text,
    resolution,
    has_audio,
    mode,
    clip_seconds,
    price_text,
    price_native,
    price_range_low,
    price_range_high,
    native_currency,
    billing_unit,
    unit_text,
    usd_per_credit,
    tokens_per_clip,
    case when native_currency in ('USD', 'CNY') then price_per_s_before_fx end as price_native_per_s,
    price_per_s_before_fx,
    base_method,
    fx_lookup_date,
    source_usd_per_s,
    case
        when (mode is null or mode = 't2v')
             and (billing_unit in ('per_second', 'credits_per_second', 'per_1m_tokens') or clip_seconds = 5)
             and resolution = '720p' and has_audio = false then '720p_no_audio'
        when (mode is null or mode = 't2v')
             and (billing_unit in ('per_second', 'credits_per_second', 'per_1m_tokens') or clip_seconds = 5)
             and resolution = '1080p' and has_audio = true then '1080p_audio'
    end as is_reference_spec,
    as_of_text,
    as_of_date,
    as_of_precision,
    shutdown_date,
    notes,
    source_url,
    snapshot_sha256,
    record_index,
    fetched_at,
    curated_file,
    curated_row
from interpreted
