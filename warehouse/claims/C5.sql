-- C5 "open models jumped to ~30% market share by late 2025": the ~30% is the open-weight share of
-- LLM token volume on OpenRouter (a16z x OpenRouter, late 2025), not a video measure. The
-- warehouse holds that kind of figure, OpenRouter LLM tokens 2026-06-21 -> 2026-08-07
-- (out_openrouter_llm_open_share_daily), and no video usage or market share. The rule reads the
-- newest complete panel day (a day with at least half the median daily token total; the collector's
-- newest days can be partial) and sets the claim's 30% against the LLM open-weight share that
-- day: between the cited lower bound (weights on the Hub / all tokens) and the share among
-- classified tokens (open / (open + closed)). Partly when 30% lies within that range, widened by 5
-- points (the figure holds for LLM tokens, as measured later, and says nothing about video);
-- refuted when the whole range is more than 5 points away from 30%; never supported, because the
-- claim is made about video and no video usage is measured. The nearest video measure, the
-- open-weight share of the newest arena.ai top 10, is reported beside it.
-- On the bundled data: partly. 2026-08-07: 28.7% of LLM tokens at least, 51.8% of classified tokens;
-- open-weight models hold 3 of the 30 top-10 places of the arena.ai boards of 2026-10-10.
-- data_through: the panel day.
with daily as (
    select token_date,
           sum(llm_tokens_total) as total,
           sum(llm_tokens_open_weight) as open_weight,
           sum(llm_tokens_closed_uncited) as closed,
           string_agg(distinct source_urls, ' ; ' order by source_urls) as source_urls
    from out.out_openrouter_llm_open_share_daily
    group by token_date
),
llm as (
    select token_date,
           round(100.0 * open_weight / nullif(total, 0), 1) as lower_pct,
           round(100.0 * open_weight / nullif(open_weight + closed, 0), 1) as classified_pct,
           source_urls
    from daily
    where total >= 0.5 * (select median(total) from daily)
    qualify token_date = max(token_date) over ()
),
newest_day as (
    select * from marts.fct_leaderboard_entries
    qualify snapshot_date = max(snapshot_date) over (partition by board)
),
latest as (
    select *, row_number() over (partition by board order by rank, score desc, model) as position
    from newest_day
),
video as (
    select string_agg(distinct board || ' ' || snapshot_date, ', ' order by board || ' ' || snapshot_date) as boards,
           count(*) filter (where is_open_weights and position <= 10) as open_top10,
           count(*) filter (where position <= 10) as top10,
           string_agg(distinct source_url, ' ; ' order by source_url) as urls
    from latest
)
select
    case when l.token_date is null then null else
        'LLM tokens, not video: OpenRouter open-weight share on ' || l.token_date || ' at least ' || l.lower_pct
        || '% of all tokens (cited open weights), ' || l.classified_pct || '% of classified tokens; video proxy, '
        || 'newest arena.ai boards (' || v.boards || '): ' || v.open_top10 || ' open-weight of ' || v.top10
        || ' top-10 entries'
    end as value,
    case
        when l.token_date is null then 'insufficient data'
        when 30 between l.lower_pct - 5 and l.classified_pct + 5 then 'partly'
        else 'refuted'
    end as verdict,
    case
        when l.token_date is null then 'no OpenRouter LLM token panel in the warehouse, and no video usage measure'
        when 30 between l.lower_pct - 5 and l.classified_pct + 5 then
            'as an LLM-token share the ~30% holds (measured in 2026, not late 2025); it is not a video figure: no '
            || 'video usage or market share is measured; open-weight models hold ' || v.open_top10 || ' of the '
            || v.top10 || ' top-10 places on the newest arena.ai boards'
        else 'even as an LLM-token share the ~30% is outside the measured range; no video usage is measured'
    end as reason,
    'out.out_openrouter_llm_open_share_daily (newest complete day, LLM tokens, all country groups); '
        || 'marts.fct_leaderboard_entries: newest snapshot_date per board, is_open_weights by position' as evidence,
    concat_ws(' ; ', l.source_urls, v.urls) as evidence_urls,
    l.token_date as data_through
from video as v
left join llm as l on true
