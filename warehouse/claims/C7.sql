-- C7 "Kling often beats Runway or Sora equivalents in motion realism": head-to-head on the same
-- arena.ai board and day, best Kling model vs best Runway model and vs best Sora model, with the
-- arena's CI: a clear win needs Kling's lower bound above the rival's upper bound. Overall
-- preference stands in for motion realism (no motion sub-scores in the warehouse). Supported if
-- clear wins are at least half of all comparisons, partly if some, refuted if none. Every board-day
-- from 2026-03-19 to the newest (2026-10-10 on the bundled data) counts; data_through is the newest.
-- On the bundled data: partly. vs Runway 87 clear wins of 131 board-days (image-to-video and
-- video-edit), no clear loss; vs Sora 0 wins and 44 clear losses of 44: 87 of 175 overall.
with best as (
    select board, snapshot_date,
           case when lab_id = 'kuaishou' then 'Kling'
                when lab_id = 'runway' then 'Runway'
                when lab_id = 'openai' and lower(model) like 'sora%' then 'Sora' end as brand,
           model, score, score_ci_lower, score_ci_upper, source_url
    from marts.fct_leaderboard_entries
    where lab_id in ('kuaishou', 'runway') or (lab_id = 'openai' and lower(model) like 'sora%')
    qualify row_number() over (partition by board, snapshot_date, brand order by score desc, model) = 1
),
duels as (
    select k.board, k.snapshot_date, r.brand as rival,
           k.score_ci_lower > r.score_ci_upper as kling_wins,
           r.score_ci_lower > k.score_ci_upper as kling_loses,
           k.source_url
    from best as k
    join best as r on r.board = k.board and r.snapshot_date = k.snapshot_date and r.brand <> 'Kling'
    where k.brand = 'Kling'
),
per_rival as (
    select rival, count(*) as n, count(*) filter (where kling_wins) as wins,
           count(*) filter (where kling_loses) as losses,
           string_agg(distinct board, ', ' order by board) filter (where kling_wins) as win_boards
    from duels
    group by rival
)
select
    case when sum(n) is null then null else
        string_agg('vs ' || rival || ': ' || wins || ' clear wins, ' || losses || ' clear losses, ' || (n - wins - losses)
                   || ' within CI, of ' || n || ' board-days' || coalesce(' (wins on ' || win_boards || ')', ''), '; ' order by rival)
    end as value,
    case
        when coalesce(sum(n), 0) = 0 then 'insufficient data'
        when sum(wins) * 2 >= sum(n) then 'supported'
        when sum(wins) > 0 then 'partly'
        else 'refuted'
    end as verdict,
    case
        when coalesce(sum(n), 0) = 0 then 'no board-day with Kling and Runway or Sora on it'
        else 'overall arena preference stands in for motion realism (no motion sub-scores in the warehouse); Kling wins '
             || sum(wins) || ' of ' || sum(n) || ' head-to-heads outside the CIs'
    end as reason,
    'marts.fct_leaderboard_entries: best Kling vs best Runway and best Sora entry per board and snapshot_date' as evidence,
    (select string_agg(distinct source_url, ' ; ' order by source_url) from duels
     where snapshot_date in (select max(snapshot_date) from duels) or snapshot_date in (select min(snapshot_date) from duels)) as evidence_urls,
    (select max(snapshot_date) from duels) as data_through
from per_rival
