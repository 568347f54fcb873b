-- C2 "Kling 3.0 and 2.x excel in realistic physics, motion": the warehouse holds overall blind-vote
-- preference (arena.ai), not motion or physics sub-scores, so the rule reads Kling's standing on
-- the newest day of each arena.ai board as a proxy: supported if a Kling model is #1 or its CI
-- overlaps the #1's on some board, partly if one is in that board's top 10, refuted otherwise.
-- On the bundled data (newest boards 2026-10-10): partly. Kling O3 Pro is #8 on video-edit; on
-- image-to-video (Kling 3.0 Pro #19) and text-to-video (Kling 2.5 Turbo #28) it is outside the
-- top 10. data_through: the newest board day read.
with newest_day as (
    select * from marts.fct_leaderboard_entries
    qualify snapshot_date = max(snapshot_date) over (partition by board)
),
latest as (
    select *, row_number() over (partition by board order by rank, score desc, model) as position
    from newest_day
),
leader as (
    select board, model as top_model, score as top_score, score_ci_lower as top_lower from latest where position = 1
),
kling as (
    select l.*, t.top_model, t.top_score, t.top_lower,
           l.position = 1 or l.score_ci_upper >= t.top_lower as tied_with_top
    from latest as l
    join leader as t using (board)
    where l.lab_id = 'kuaishou'
    qualify row_number() over (partition by l.board order by l.position) = 1
)
select
    case when count(*) = 0 then null else
        string_agg(board || ' ' || snapshot_date || ': best Kling ' || model || ' #' || position || ' (' || score
                   || ', CI ' || coalesce(score_ci_lower::varchar, '?') || '-' || coalesce(score_ci_upper::varchar, '?')
                   || ') vs #1 ' || top_model || ' ' || top_score, '; ' order by board)
    end as value,
    case
        when count(*) = 0 then 'insufficient data'
        when bool_or(tied_with_top) then 'supported'
        when bool_or(position <= 10) then 'partly'
        else 'refuted'
    end as verdict,
    case
        when count(*) = 0 then 'no Kling entry on the newest arena.ai boards'
        else 'proxy only: overall arena preference, not motion/physics sub-scores (none in the warehouse); '
             || case when bool_or(tied_with_top) then 'Kling is level with the #1 on at least one board'
                     when bool_or(position <= 10) then 'Kling is competitive (top 10) but not at the top'
                     else 'Kling is outside the top 10 on every board' end
    end as reason,
    'marts.fct_leaderboard_entries: newest snapshot_date per board, lab_id = kuaishou vs position 1' as evidence,
    string_agg(distinct source_url, ' ; ' order by source_url) as evidence_urls,
    max(snapshot_date) as data_through
from kling
