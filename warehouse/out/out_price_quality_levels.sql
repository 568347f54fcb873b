-- out_price_quality_levels: who gives more quality per dollar at each price level, on the newest
-- snapshot day of each board, per price spec and pairing (out_price_quality_points). The levels are
-- the prices of every point on either country's frontier; at each level, the best score each
-- country reaches with a model costing at most that much (USD per second), the model, its CI, and
-- the leader: the country with the higher score; 'tie' when equal; the one side when the other has
-- no model that cheap. lead_is_clear: the two CIs do not overlap (the leader's lower bound above
-- the other's upper bound), as the quality charts count a lead.
with points as (
    select * from out.out_price_quality_points
    where match_status = 'priced' and country_code in ('CN', 'US')
    qualify snapshot_date = max(snapshot_date) over (partition by board)
),
levels as (
    select distinct board, price_spec, pairing, snapshot_date, price_usd_per_s as price_level_usd_per_s
    from points
    where is_on_country_frontier
),
best as (
    select l.board, l.price_spec, l.pairing, l.snapshot_date, l.price_level_usd_per_s, p.country_code,
           max(p.score) as best_score,
           arg_max(p.model, p.score * 1e6 - p.price_usd_per_s) as best_model,
           arg_max(p.score_ci_lower, p.score * 1e6 - p.price_usd_per_s) as ci_lower,
           arg_max(p.score_ci_upper, p.score * 1e6 - p.price_usd_per_s) as ci_upper,
           arg_max(p.price_usd_per_s, p.score * 1e6 - p.price_usd_per_s) as best_model_usd_per_s
    from levels as l
    join points as p
      on p.board = l.board and p.price_spec = l.price_spec and p.pairing = l.pairing
     and p.snapshot_date = l.snapshot_date and p.price_usd_per_s <= l.price_level_usd_per_s
    group by all
)
select
    l.board, l.price_spec, l.pairing, l.snapshot_date, l.price_level_usd_per_s,
    cn.best_model as cn_best_model, cn.best_score as cn_best_score, cn.ci_lower as cn_ci_lower,
    cn.ci_upper as cn_ci_upper, cn.best_model_usd_per_s as cn_best_model_usd_per_s,
    us.best_model as us_best_model, us.best_score as us_best_score, us.ci_lower as us_ci_lower,
    us.ci_upper as us_ci_upper, us.best_model_usd_per_s as us_best_model_usd_per_s,
    case when cn.best_score is null and us.best_score is null then null
         when us.best_score is null or cn.best_score > us.best_score then 'CN'
         when cn.best_score is null or us.best_score > cn.best_score then 'US'
         else 'tie' end as leader,
    case when cn.best_score is null or us.best_score is null then null
         when cn.best_score > us.best_score then cn.ci_lower > us.ci_upper
         when us.best_score > cn.best_score then us.ci_lower > cn.ci_upper
         else false end as lead_is_clear
from levels as l
left join best as cn on cn.board = l.board and cn.price_spec = l.price_spec and cn.pairing = l.pairing
 and cn.price_level_usd_per_s = l.price_level_usd_per_s and cn.country_code = 'CN'
left join best as us on us.board = l.board and us.price_spec = l.price_spec and us.pairing = l.pairing
 and us.price_level_usd_per_s = l.price_level_usd_per_s and us.country_code = 'US'
order by l.board, l.price_spec, l.pairing, l.price_level_usd_per_s
