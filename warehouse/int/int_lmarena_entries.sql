-- int_lmarena_entries: arena.ai's official leaderboard dataset (video subsets), one row per board,
-- snapshot day and model (stg_lmarena_dataset__ratings: the newest snapshot of a day stands for it).
-- Full-precision rating with its lower and upper bound, variance and vote count as published; the dataset's publish date beside
-- the day it was read. Organization -> lab through the alias table (alias_lab_id); the fallback to
-- the lab the same model name has on the mirror's boards (dim_models) and the country are joined in
-- marts.fct_leaderboard_entries_lmarena. An empty organization stays NULL. Licence as written
-- ("Proprietary", "Apache 2.0", a community licence name).
with latest as (
    select * from stg.stg_lmarena_dataset__ratings
)
select
    e.board,
    e.snapshot_date,
    e.leaderboard_publish_date,
    e.rank,
    e.model,
    e.organization,
    a.lab_id as alias_lab_id,
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
left join int.int_lab_aliases as a on a.alias_key = lower(e.organization)
