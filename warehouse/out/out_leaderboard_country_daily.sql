-- out_leaderboard_country_daily: per arena.ai board, day and country group (CN, US, other,
-- unknown): how many of the top 5 and top 10 entries the group holds and their share, and the
-- group's best score with its CI and model. Top N = the first N entries by rank (ties by score).
-- Country is the lab's HQ country; an entry whose lab or country is unknown counts as 'unknown'.
with ranked as (
    select
        *,
        case
            when country_code in ('CN', 'US') then country_code
            when country_code is null then 'unknown'
            else 'other'
        end as country_group,
        row_number() over (partition by board, snapshot_date order by rank, score desc, model) as position,
        count(*) over (partition by board, snapshot_date) as board_size
    from marts.fct_leaderboard_entries
),
days as (
    select board, snapshot_date, any_value(board_size) as board_size,
           string_agg(distinct source_url, ' ; ' order by source_url) as source_urls
    from ranked
    group by board, snapshot_date
),
grid as (
    select d.*, g.country_group
    from days as d
    cross join (values ('CN'), ('US'), ('other'), ('unknown')) as g(country_group)
),
best as (
    select board, snapshot_date, country_group, model as best_model, score as best_score,
           score_ci_lower as best_score_ci_lower, score_ci_upper as best_score_ci_upper
    from ranked
    qualify row_number() over (partition by board, snapshot_date, country_group order by score desc, rank, model) = 1
),
counts as (
    select board, snapshot_date, country_group,
           count(*) filter (where position <= 5) as top5_count,
           count(*) filter (where position <= 10) as top10_count,
           count(*) as entries
    from ranked
    group by all
)
select
    g.board,
    g.snapshot_date,
    g.country_group,
    coalesce(c.entries, 0) as entries,
    coalesce(c.top5_count, 0) as top5_count,
    round(100.0 * coalesce(c.top5_count, 0) / least(5, g.board_size), 1) as top5_share_pct,
    coalesce(c.top10_count, 0) as top10_count,
    round(100.0 * coalesce(c.top10_count, 0) / least(10, g.board_size), 1) as top10_share_pct,
    b.best_model,
    b.best_score,
    b.best_score_ci_lower,
    b.best_score_ci_upper,
    g.source_urls
from grid as g
left join counts as c using (board, snapshot_date, country_group)
left join best as b using (board, snapshot_date, country_group)
order by g.board, g.snapshot_date, g.country_group
