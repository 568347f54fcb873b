-- changes_new_leader: a new #1 on an arena.ai board. The #1 of each board and snapshot day (first
-- by rank, ties by score then name) is compared with the #1 of the previous snapshot day of the
-- same board in the data; a different model is a change dated by the day it was first seen.
with leaders as (
    select board, snapshot_date, model, score, country_code, source_url
    from marts.fct_leaderboard_entries
    qualify row_number() over (partition by board, snapshot_date order by rank, score desc, model) = 1
),
sequenced as (
    select
        *,
        lag(model) over by_day as previous_model,
        lag(score) over by_day as previous_score,
        lag(country_code) over by_day as previous_country_code,
        lag(snapshot_date) over by_day as previous_date
    from leaders
    window by_day as (partition by board order by snapshot_date)
)
select
    snapshot_date as change_date,
    'new_leader' as kind,
    'arena.ai ' || board as subject,
    previous_model || ' (' || coalesce(previous_country_code, 'unknown') || ', ' || previous_score || ')' as old_value,
    model || ' (' || coalesce(country_code, 'unknown') || ', ' || score || ')' as new_value,
    country_code,
    'New #1 on arena.ai ' || board || ': ' || model || ' (' || coalesce(country_code, 'unknown country')
        || ', score ' || score || ') replaces ' || previous_model || ' ('
        || coalesce(previous_country_code, 'unknown country') || ', score ' || previous_score
        || '); previous snapshot ' || previous_date || '.' as detail,
    source_url
from sequenced
where previous_model is not null and model <> previous_model
