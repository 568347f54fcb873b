-- out_quality_leader_daily: per arena, board and day, the #1 model and its country, the best
-- Chinese and the best U.S. model with their CIs, and a CI-aware lead: the country with the higher
-- best score leads only where the two intervals do not overlap (lead_is_clear); otherwise
-- lead_country is NULL and lead_label says "no clear lead". An unknown CI never makes a lead clear.
-- gap_points = best score of the score leader minus the other country's best (same arena and day).
with country_best as (
    select * from out.out_quality_country_daily where country_group in ('CN', 'US')
),
entries as (
    select arena, board, snapshot_date, rank, model, lab_id, country_code, cast(score as double) as score
    from marts.fct_leaderboard_entries
    union all
    select arena, board, snapshot_date, rank, model, lab_id, country_code, score
    from marts.fct_leaderboard_entries_aa
    where rank is not null
),
number_one as (
    select arena, board, snapshot_date, model as number_one_model, score as number_one_score,
           lab_id as number_one_lab_id, country_code as number_one_country
    from entries
    qualify row_number() over (partition by arena, board, snapshot_date order by rank, score desc, model) = 1
),
paired as (
    select
        n.*,
        cn.elo_scale,
        cn.source_urls,
        cn.best_model as best_cn_model, cn.best_score as best_cn_score,
        cn.best_score_ci_lower as best_cn_ci_lower, cn.best_score_ci_upper as best_cn_ci_upper,
        us.best_model as best_us_model, us.best_score as best_us_score,
        us.best_score_ci_lower as best_us_ci_lower, us.best_score_ci_upper as best_us_ci_upper
    from number_one as n
    join country_best as cn
        on cn.arena = n.arena and cn.board = n.board and cn.snapshot_date = n.snapshot_date and cn.country_group = 'CN'
    join country_best as us
        on us.arena = n.arena and us.board = n.board and us.snapshot_date = n.snapshot_date and us.country_group = 'US'
),
judged as (
    select
        *,
        case
            when best_cn_score is null or best_us_score is null or best_cn_score = best_us_score then null
            when best_cn_score > best_us_score then 'CN'
            else 'US'
        end as score_leader_country,
        case
            when best_cn_score is null or best_us_score is null then 'one country absent from the board'
            when best_cn_ci_lower is null or best_us_ci_lower is null then 'CI unknown'
            when best_cn_ci_lower > best_us_ci_upper or best_us_ci_lower > best_cn_ci_upper then 'CIs do not overlap'
            else 'CIs overlap'
        end as lead_basis
    from paired
)
select
    arena,
    board,
    snapshot_date,
    elo_scale,
    number_one_model,
    number_one_score,
    number_one_lab_id,
    number_one_country,
    best_cn_model,
    best_cn_score,
    best_cn_ci_lower,
    best_cn_ci_upper,
    best_us_model,
    best_us_score,
    best_us_ci_lower,
    best_us_ci_upper,
    score_leader_country,
    abs(best_cn_score - best_us_score) as gap_points,
    lead_basis,
    coalesce(lead_basis = 'CIs do not overlap' and score_leader_country is not null, false) as lead_is_clear,
    case when lead_basis = 'CIs do not overlap' then score_leader_country end as lead_country,
    case
        when lead_basis = 'CIs do not overlap' and score_leader_country = 'CN' then 'China leads (CIs apart)'
        when lead_basis = 'CIs do not overlap' and score_leader_country = 'US' then 'U.S. leads (CIs apart)'
        else 'no clear lead'
    end as lead_label,
    source_urls
from judged
order by arena, board, snapshot_date
