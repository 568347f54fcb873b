-- out_openrouter_llm_open_share_daily: the open-weight share of OpenRouter **LLM** tokens per day and
-- model-origin country group. This measures text-model (LLM) tokens routed through OpenRouter, NOT
-- video generation: the seed article's "~30 % open share" is exactly this kind of figure (a16z x
-- OpenRouter, LLM tokens) applied to video, which it does not describe. Columns:
--   llm_tokens_total / _open_weight / _closed_uncited / _status_unknown: prompt + completion tokens;
--   llm_open_weight_share_pct_lower_bound = open-weight (cited: weights on the Hub) / all tokens;
--   llm_open_weight_share_pct_of_classified = open / (open + closed), where "closed" is an uncited
--     project judgement (stg_openrouter_llm_tokens), so it is an upper-side estimate.
-- The panel covers 2026-06-21 -> 2026-08-07 (the collector's upserted monthly view; the newest day
-- may be partial).
with daily as (
    select token_date,
           case when country_code in ('CN', 'US') then country_code when country_code is null then 'unknown' else 'other' end
               as country_group,
           sum(llm_tokens) as llm_tokens_total,
           sum(llm_tokens) filter (where is_open_weights) as llm_tokens_open_weight,
           sum(llm_tokens) filter (where is_open_weights = false) as llm_tokens_closed_uncited,
           sum(llm_tokens) filter (where is_open_weights is null) as llm_tokens_status_unknown,
           count(distinct model_permaslug) as llm_models,
           string_agg(distinct source_url, ' ; ' order by source_url) as source_urls
    from marts.fct_openrouter_llm_tokens
    group by all
)
select
    token_date,
    country_group,
    llm_tokens_total,
    coalesce(llm_tokens_open_weight, 0) as llm_tokens_open_weight,
    coalesce(llm_tokens_closed_uncited, 0) as llm_tokens_closed_uncited,
    coalesce(llm_tokens_status_unknown, 0) as llm_tokens_status_unknown,
    llm_models,
    round(100.0 * coalesce(llm_tokens_open_weight, 0) / nullif(llm_tokens_total, 0), 2)
        as llm_open_weight_share_pct_lower_bound,
    round(100.0 * coalesce(llm_tokens_open_weight, 0)
          / nullif(coalesce(llm_tokens_open_weight, 0) + coalesce(llm_tokens_closed_uncited, 0), 0), 2)
        as llm_open_weight_share_pct_of_classified,
    source_urls
from daily
order by token_date, country_group
