-- C5 "open models jumped to ~30% market share by late 2025": the ~30% is the open-weight share of
-- LLM token volume on OpenRouter (a16z x OpenRouter), not a video measure. The warehouse now holds
-- that kind of figure, OpenRouter LLM tokens 2026-06 -> 2026-08 (out_openrouter_llm_open_share_daily),
-- but no video usage or market share and nothing from late 2025, so the claim about video cannot be
-- tested: always 'insufficient data'. The value reports the newest day's LLM-token open share (as
-- context, labelled LLM) and, as the nearest video measure, the open-weight share of the newest
-- arena.ai top 10 and of all entries.
with newest_day as (
    select * from marts.fct_leaderboard_entries
    qualify snapshot_date = max(snapshot_date) over (partition by board)
),
latest as (
    select *, row_number() over (partition by board order by rank, score desc, model) as position
    from newest_day
),
llm as (
    select max(token_date) as token_date,
           round(100.0 * sum(llm_tokens_open_weight) / nullif(sum(llm_tokens_total), 0), 1) as open_pct_lower_bound,
           any_value(source_urls) as source_urls
    from out.out_openrouter_llm_open_share_daily
    where token_date = (select max(token_date) from out.out_openrouter_llm_open_share_daily)
)
select
    coalesce('LLM tokens, not video: OpenRouter open-weight share on ' || (select token_date from llm) || ' at least '
             || (select open_pct_lower_bound from llm) || '% (cited open weights only); ', '')
        || 'video proxy, newest arena.ai boards (' || string_agg(distinct board || ' ' || snapshot_date, ', ' order by board || ' ' || snapshot_date) || '): open-weight '
        || count(*) filter (where is_open_weights and position <= 10) || ' of ' || count(*) filter (where position <= 10)
        || ' top-10 entries; ' || count(*) filter (where is_open_weights) || ' of ' || count(*)
        || ' entries overall (' || count(*) filter (where is_open_weights is null) || ' with unknown licence)' as value,
    'insufficient data' as verdict,
    'the claim measures usage share of LLM tokens on OpenRouter (late 2025); the warehouse has that kind of figure only '
        || 'for 2026-06..08 and no video usage or market share, and arena positions are not market share' as reason,
    'out.out_openrouter_llm_open_share_daily (newest day, LLM tokens); marts.fct_leaderboard_entries: newest snapshot_date per board, is_open_weights by position' as evidence,
    concat_ws(' ; ', string_agg(distinct source_url, ' ; ' order by source_url), (select source_urls from llm)) as evidence_urls
from latest
