-- stg_lmarena_entries: arena.ai's official leaderboard dataset (video subsets), one row per board,
-- snapshot day and model, the newest snapshot of a day standing for it. Full-precision rating with
-- its lower and upper bound, variance and vote count as published; the dataset's publish date beside
-- the day it was read. Organization -> lab through the alias table, else the lab the same model
-- name has on the mirror's boards (dim_models); country from dim_labs. An empty organization stays
-- NULL. Licence as written ("Proprietary", "Apache 2.0", a community licence name).
with latest as (
    select *
    from raw.raw_leaderboards__lmarena_dataset
    where category is null or category = 'overall'
    qualify dense_rank() over (partition by board, snapshot_date order by fetched_at desc, snapshot_sha256) = 1
)
select
    e.board,
    e.snapshot_date,
    e.leaderboard_publish_date,
    e.rank,
    e.model,
    e.organization,
    coalesce(a.lab_id, m.lab_id) as lab_id,
    case when a.lab_id is not null then 'organization alias'
         when m.lab_id is not null then 'same model on the mirror (dim_models)' end as lab_basis,
    l.country_code,
    e.rating,
    e.rating_lower,
    e.rating_upper,
    e.variance,
    e.vote_count,
    e.license,
    case when e.license is null then null else lower(e.license) <> 'proprietary' end as is_open_licence,
    'lmarena_dataset_snapshot' as record_source,
    e.upstream_url,
    e.source_url,
    e.snapshot_sha256
from latest as e
left join stg.stg_lab_aliases as a on a.alias_key = lower(e.organization)
left join marts.dim_models as m on m.model = e.model
left join marts.dim_labs as l on l.lab_id = coalesce(a.lab_id, m.lab_id)
