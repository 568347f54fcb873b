-- out_open_arena_top10: open-weight models in the arena.ai top 10 per board, day and country group
-- (CN, US, other, unknown). Top 10 = the first 10 entries by rank (ties by score), as in
-- out_leaderboard_country_daily. Open/closed from fct_leaderboard_entries.is_open_weights (the
-- arena licence, else the model family's cited flag); NULL stays unknown, never counted as closed.
with ranked as (
    select
        *,
        case when country_code in ('CN', 'US') then country_code when country_code is null then 'unknown' else 'other' end
            as country_group,
        row_number() over (partition by board, snapshot_date order by rank, score desc, model) as position
    from marts.fct_leaderboard_entries
),
top10 as (
    select * from ranked where position <= 10
),
days as (
    select board, snapshot_date, string_agg(distinct source_url, ' ; ' order by source_url) as source_urls
    from top10 group by all
),
grid as (
    select d.*, g.country_group
    from days as d cross join (values ('CN'), ('US'), ('other'), ('unknown')) as g(country_group)
),
counts as (
    select
        board, snapshot_date, country_group,
        count(*) as top10_entries,
        count(*) filter (where is_open_weights) as open_in_top10,
        count(*) filter (where not is_open_weights) as closed_in_top10,
        count(*) filter (where is_open_weights is null) as unknown_licence_in_top10,
        string_agg(model || ' (#' || position || ', ' || coalesce(license, 'licence unknown') || ')', '; '
                   order by position) filter (where is_open_weights) as open_models
    from top10
    group by all
)
select
    g.board,
    g.snapshot_date,
    g.country_group,
    coalesce(c.top10_entries, 0) as top10_entries,
    coalesce(c.open_in_top10, 0) as open_in_top10,
    coalesce(c.closed_in_top10, 0) as closed_in_top10,
    coalesce(c.unknown_licence_in_top10, 0) as unknown_licence_in_top10,
    c.open_models,
    g.source_urls
from grid as g
left join counts as c using (board, snapshot_date, country_group)
order by g.board, g.snapshot_date, g.country_group
