-- C1 "China leads AI video generation as of early 2026": on the arena.ai text-to-video and
-- image-to-video boards between 2026-01-01 and 2026-04-30 (the data starts 2026-03-19), count the
-- board-days China held #1 (the best score of the day) and the board-days it held more of the top 10
-- than the U.S. Supported if China led on both counts every board-day, refuted if on neither any
-- board-day, otherwise partly (leadership changed inside the window).
with window_rows as (
    select *
    from out.out_leaderboard_country_daily
    where board in ('text-to-video', 'image-to-video')
      and snapshot_date between date '2026-01-01' and date '2026-04-30'
),
per_day as (
    select
        board,
        snapshot_date,
        max(best_score) filter (where country_group = 'CN') as cn_best,
        max(best_score) filter (where country_group = 'US') as us_best,
        max(best_score) as top_best,
        max(top10_share_pct) filter (where country_group = 'CN') as cn_top10,
        max(top10_share_pct) filter (where country_group = 'US') as us_top10,
        any_value(source_urls) as source_urls
    from window_rows
    group by board, snapshot_date
),
judged as (
    select *,
           case when cn_best = top_best then 'CN' when us_best = top_best then 'US' else 'other' end as leader
    from per_day
),
boards as (
    select board,
           min(snapshot_date) filter (where leader = 'CN') as first_cn_lead,
           min(snapshot_date) as first_day,
           max(snapshot_date) as last_day
    from judged
    group by board
),
summary as (
    select
        count(*) as board_days,
        count(*) filter (where leader = 'CN') as cn_first,
        count(*) filter (where leader = 'US') as us_first,
        count(*) filter (where cn_top10 > us_top10) as cn_more_top10,
        round(avg(cn_top10), 1) as cn_top10_avg,
        round(avg(us_top10), 1) as us_top10_avg,
        min(snapshot_date) as first_day,
        max(snapshot_date) as last_day
    from judged
),
firsts as (
    select string_agg(board || ' ' || coalesce(strftime(first_cn_lead, '%Y-%m-%d'), 'never'), ', ' order by board) as text
    from boards
),
urls as (
    select string_agg(distinct trim(u), ' ; ' order by trim(u)) as text
    from judged as j
    join boards as b using (board)
    cross join unnest(string_split(j.source_urls, ';')) as t(u)
    where j.snapshot_date in (b.first_day, b.last_day, b.first_cn_lead) and trim(u) <> ''
)
select
    case when s.board_days = 0 then null else
        'arena.ai text-to-video + image-to-video, ' || s.first_day || ' to ' || s.last_day || ' (' || s.board_days
        || ' board-days; none before 2026-03-19 in the data): China #1 on ' || s.cn_first || ', U.S. #1 on '
        || s.us_first || '; China first #1: ' || f.text || '. China held the larger top-10 share on '
        || s.cn_more_top10 || ' board-days (mean top-10 share CN ' || s.cn_top10_avg || '% vs US '
        || s.us_top10_avg || '%).'
    end as value,
    case
        when s.board_days = 0 then 'insufficient data'
        when s.cn_first = s.board_days and s.cn_more_top10 = s.board_days then 'supported'
        when s.cn_first = 0 and s.cn_more_top10 = 0 then 'refuted'
        else 'partly'
    end as verdict,
    case
        when s.board_days = 0 then 'no arena.ai board-day between 2026-01-01 and 2026-04-30 in the warehouse'
        when s.cn_first = s.board_days and s.cn_more_top10 = s.board_days then 'China held #1 and the larger top-10 share on every board-day'
        when s.cn_first = 0 and s.cn_more_top10 = 0 then 'China never held #1 nor the larger top-10 share'
        else 'leadership changed inside the window: China took #1 only from the dates named, and held the larger top-10 share on '
             || s.cn_more_top10 || ' of ' || s.board_days || ' board-days'
    end as reason,
    'out.out_leaderboard_country_daily: boards text-to-video, image-to-video; snapshot_date '
        || coalesce(s.first_day::varchar, '-') || '..' || coalesce(s.last_day::varchar, '-') || ' (' || s.board_days
        || ' board-days x 4 country groups)' as evidence,
    u.text as evidence_urls
from summary as s, firsts as f, urls as u
