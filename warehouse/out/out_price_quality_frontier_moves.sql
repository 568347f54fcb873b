-- out_price_quality_frontier_moves: how each country's price-quality frontier moved, per board and
-- price spec, between the first and the last snapshot day on which both China and the U.S. have a
-- priced model (out_price_quality_points, pairing 'price_in_force': the price valid that day, so
-- the move is what a buyer could have had on each day). One row per board, spec and country: the
-- frontier on each of the two days (model, score, USD per second), its best score and cheapest
-- price, and the changes: best_score_change (points), cheapest_usd_per_s_change, and
-- best_score_at_first_max_price: the best score on the last day at no more than the first day's
-- dearest frontier price (the same money buys that much more or less quality).
with points as (
    select * from out.out_price_quality_points
    where pairing = 'price_in_force' and match_status = 'priced' and country_code in ('CN', 'US')
),
both_days as (
    select board, price_spec, snapshot_date
    from points
    group by all
    having count(distinct country_code) = 2
),
span as (
    select board, price_spec, min(snapshot_date) as first_day, max(snapshot_date) as last_day
    from both_days
    group by all
),
frontier as (
    select p.*, s.first_day, s.last_day
    from points as p
    join span as s using (board, price_spec)
    where p.is_on_country_frontier and p.snapshot_date in (s.first_day, s.last_day)
),
per_day as (
    select board, price_spec, country_code, snapshot_date, any_value(first_day) as first_day,
           string_agg(model || ' ' || score || ' @ $' || round(price_usd_per_s, 4) || '/s', '; '
                      order by price_usd_per_s, model) as frontier_text,
           max(score) as best_score,
           arg_max(model, score * 1e6 - price_usd_per_s) as best_model,
           min(price_usd_per_s) as cheapest_usd_per_s,
           arg_min(model, price_usd_per_s * 1e6 - score) as cheapest_model,
           max(price_usd_per_s) as dearest_usd_per_s
    from frontier
    group by all
),
countries(country_code) as (values ('CN'), ('US'))
select
    s.board, s.price_spec, c.country_code, s.first_day, s.last_day,
    f.frontier_text as frontier_first, l.frontier_text as frontier_last,
    f.best_model as best_model_first, f.best_score as best_score_first,
    l.best_model as best_model_last, l.best_score as best_score_last,
    l.best_score - f.best_score as best_score_change,
    f.cheapest_model as cheapest_model_first, f.cheapest_usd_per_s as cheapest_usd_per_s_first,
    l.cheapest_model as cheapest_model_last, l.cheapest_usd_per_s as cheapest_usd_per_s_last,
    round(l.cheapest_usd_per_s - f.cheapest_usd_per_s, 6) as cheapest_usd_per_s_change,
    f.dearest_usd_per_s as dearest_usd_per_s_first,
    (select max(p.score) from points as p
     where p.board = s.board and p.price_spec = s.price_spec and p.country_code = c.country_code
       and p.snapshot_date = s.last_day and p.price_usd_per_s <= f.dearest_usd_per_s) as best_score_at_first_max_price
from span as s
cross join countries as c
left join per_day as f on f.board = s.board and f.price_spec = s.price_spec and f.country_code = c.country_code
 and f.snapshot_date = s.first_day
left join per_day as l on l.board = s.board and l.price_spec = s.price_spec and l.country_code = c.country_code
 and l.snapshot_date = s.last_day
order by s.board, s.price_spec, c.country_code
