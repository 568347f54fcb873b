-- int_openrouter_llm_tokens: OpenRouter's daily LLM token panel (prompt + completion tokens per day,
-- model permaslug and variant; LLM tokens, not video), each model with its author (the permaslug's
-- owner, a leading "~" alias mark dropped), the author's origin (openrouter_authors.csv; unknown
-- stays NULL) and its open-weight status from the first matching pattern of
-- openrouter_open_weights.csv: true only where the weights are cited on the Hugging Face Hub; false
-- is an uncited project judgement (status_cited = false); no match = unknown (NULL). Rows without
-- a model (two all-zero panel rows) are left out.
with panel as (
    select * from stg.stg_openrouter_rankings__token_panel
),
status as (
    -- each permaslug matched once against the patterns (the same models recur on every panel day)
    select m.model_permaslug,
           arg_min(w.is_open_weights, w.priority) as is_open_weights,
           arg_min(w.source_url, w.priority) as open_weights_source_url,
           arg_min(w.hf_repo, w.priority) as hf_repo
    from (select distinct model_permaslug from panel) as m
    join stg.stg_curated__openrouter_open_weights as w on regexp_matches(m.model_permaslug, w.pattern)
    group by all
)
select
    p.*,
    a.lab_id,
    a.country_code,
    s.is_open_weights,
    coalesce(s.is_open_weights, false) and s.open_weights_source_url is not null as status_cited,
    s.hf_repo,
    s.open_weights_source_url
from panel as p
left join status as s using (model_permaslug)
left join stg.stg_curated__openrouter_authors as a on a.author = p.author
