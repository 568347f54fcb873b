-- fct_leaderboard_entries_lmarena: arena.ai's boards as its official dataset publishes them, beside
-- the community mirror's fct_leaderboard_entries (same board names and model names, not merged):
-- one row per board, snapshot day and model with the full-precision rating, its bounds (the
-- dataset's own interval), variance, votes, licence, lab and HQ country, the dataset's publish date
-- and provenance (snapshot hash, the mirror file read, the dataset URL upstream).
-- fct_agreement_leaderboards compares the two where both give the same board and day. Lab: the
-- organization's alias (int_lmarena_entries), else the lab the same model name has on the mirror's
-- boards (dim_models); country from dim_labs.
select
    'arena' as arena,
    'lmarena_dataset' as source,
    e.board,
    e.snapshot_date,
    e.leaderboard_publish_date,
    e.rank,
    e.model,
    e.organization,
    coalesce(e.alias_lab_id, m.lab_id) as lab_id,
    case when e.alias_lab_id is not null then 'organization alias'
         when m.lab_id is not null then 'same model on the mirror (dim_models)' end as lab_basis,
    l.country_code,
    e.rating as score,
    e.rating_lower as score_ci_lower,
    e.rating_upper as score_ci_upper,
    e.variance,
    e.vote_count as votes,
    e.license,
    e.is_open_licence,
    e.record_source,
    e.upstream_url,
    e.source_url,
    e.snapshot_sha256
from int.int_lmarena_entries as e
left join marts.dim_models as m on m.model = e.model
left join marts.dim_labs as l on l.lab_id = coalesce(e.alias_lab_id, m.lab_id)
