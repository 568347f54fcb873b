-- out_quality_country_daily: per arena (arena.ai, Artificial Analysis), board, day and country
-- group (CN, US, other, unknown): entries in the top 5 and top 10 and their share, and the group's
-- best score with its CI and model. Top N = the first N ranked entries (rank, then score). AA entries
-- AA leaves unranked are not counted. Country: dim_labs HQ country (AA: AA's creator_country only
-- where dim_labs has no lab; see fct_leaderboard_entries_aa.country_basis). Scores compare only
-- within one arena and day (AA's public JSON and v2 API use different Elo scales).
with entries as (
    select arena, board, snapshot_date, rank, model, country_code,
           cast(score as double) as score, cast(score_ci_lower as double) as score_ci_lower,
           cast(score_ci_upper as double) as score_ci_upper, 'arena.ai' as elo_scale, source_url
    from marts.fct_leaderboard_entries
    union all
    select arena, board, snapshot_date, rank, model, country_code, score, score_ci_lower, score_ci_upper,
           elo_scale, source_url
    from marts.fct_leaderboard_entries_aa
    where rank is not null
),
ranked as (
    select
        *,
        case
            when country_code in ('CN', 'US') then country_code
            when country_code is null then 'unknown'
            else 'other'
        end as country_group,
        row_number() over (partition by arena, board, snapshot_date order by rank, score desc, model) as position,
        count(*) over (partition by arena, board, snapshot_date) as board_size
    from entries
),
days as (
    select arena, board, snapshot_date, any_value(elo_scale) as elo_scale, any_value(board_size) as board_size,
           string_agg(distinct source_url, ' ; ' order by source_url) as source_urls
    from ranked
    group by arena, board, snapshot_date
),
grid as (
    select d.*, g.country_group
    from days as d
    cross join (values ('CN'), ('US'), ('other'), ('unknown')) as g(country_group)
),
best as (
    select arena, board, snapshot_date, country_group, model as best_model, score as best_score,
           score_ci_lower as best_score_ci_lower, score_ci_upper as best_score_ci_upper
    from ranked
    qualify row_number() over (partition by arena, board, snapshot_date, country_group
                               order by score desc, position) = 1
),
counts as (
    select arena, board, snapshot_date, country_group,
           count(*) filter (where position <= 5) as top5_count,
           count(*) filter (where position <= 10) as top10_count,
           count(*) as entries
    from ranked
    group by all
)
select
    g.arena,
    g.board,
    g.snapshot_date,
    g.country_group,
    g.elo_scale,
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
left join counts as c using (arena, board, snapshot_date, country_group)
left join best as b using (arena, board, snapshot_date, country_group)
order by g.arena, g.board, g.snapshot_date, g.country_group
