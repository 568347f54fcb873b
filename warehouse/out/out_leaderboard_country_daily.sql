-- out_leaderboard_country_daily: the arena.ai slice of out_quality_country_daily (see its header
-- for the method): per board, day and country group (CN, US, other, unknown), the entries held in
-- the top 5 and top 10 and their share, and the group's best score with its CI and model. Scores
-- are arena.ai's integers, so they are cast back from the two-arena table's doubles.
select
    board,
    snapshot_date,
    country_group,
    entries,
    top5_count,
    top5_share_pct,
    top10_count,
    top10_share_pct,
    best_model,
    cast(best_score as integer) as best_score,
    cast(best_score_ci_lower as integer) as best_score_ci_lower,
    cast(best_score_ci_upper as integer) as best_score_ci_upper,
    source_urls
from out.out_quality_country_daily
where arena = 'arena'
order by board, snapshot_date, country_group
