-- out_quality_days_behind: the months-behind gap. Per arena.ai board, day and country (CN, US): how
-- many days earlier the other country's best model had first reached this country's best score, i.e.
-- "the best Chinese model is where the best U.S. model was N days ago" (and the reverse).
-- A level counts as reached only when the confidence interval allows it: the other country's best
-- model on an earlier (or the same) day d' reached level L when its CI lower bound (score - ci_low)
-- is at or above L. days_behind = day - first such d'. 0 means the other country was at this level
-- already on the same day only; NULL (reached = false) means the other country has not reached
-- this country's level on any observed day up to this one (this country is ahead).
-- Boards are sampled (daily, then weekly): the level was first reached some day after the other
-- country's previous observed day p and on or before d', so the gap lies in
-- [days_behind, days_behind_max] with days_behind_max = day - p - 1.
-- Censored: when d' is the board's first observed day, the true gap may be longer (a lower bound).
-- Days compare within one arena only (the arena's scores drift slowly between recomputations;
-- Artificial Analysis's two Elo scales are not comparable and are left out).
with entries as (
    select board, snapshot_date, model, country_code, cast(score as double) as score,
           cast(score_ci_lower as double) as score_ci_lower
    from marts.fct_leaderboard_entries
    where country_code in ('CN', 'US') and score is not null
),
best as (
    select board, snapshot_date, country_code, model as best_model, score as best_score,
           score_ci_lower as best_score_ci_lower
    from entries
    qualify row_number() over (partition by board, snapshot_date, country_code order by score desc, model) = 1
),
observed as (
    select board, country_code, snapshot_date,
           lag(snapshot_date) over (partition by board, country_code order by snapshot_date) as previous_day
    from best
),
board_start as (
    select board, min(snapshot_date) as first_day from best group by board
),
reach as (
    select
        x.board, x.snapshot_date, x.country_code, x.best_model, x.best_score,
        min(y.snapshot_date) as other_first_reached_on
    from best as x
    left join best as y
        on y.board = x.board
        and y.country_code <> x.country_code
        and y.snapshot_date <= x.snapshot_date
        and y.best_score_ci_lower >= x.best_score
    group by all
)
select
    'arena' as arena,
    r.board,
    r.snapshot_date,
    r.country_code,
    case r.country_code when 'CN' then 'US' else 'CN' end as other_country_code,
    r.best_model,
    r.best_score,
    r.other_first_reached_on,
    r.other_first_reached_on is not null as reached,
    date_diff('day', r.other_first_reached_on, r.snapshot_date) as days_behind,
    coalesce(r.other_first_reached_on = s.first_day, false) as is_censored,
    s.first_day as board_first_day,
    date_diff('day', o.previous_day, r.snapshot_date) - 1 as days_behind_max,
from reach as r
join board_start as s using (board)
left join observed as o
    on o.board = r.board and o.snapshot_date = r.other_first_reached_on
    and o.country_code = case r.country_code when 'CN' then 'US' else 'CN' end
order by r.board, r.snapshot_date, r.country_code
