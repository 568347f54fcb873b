-- dim_models: one row per model name as arena.ai writes it (e.g. veo-3.1-fast-audio-1080p), with
-- its family (Veo 3.1 Fast), lab and HQ country as resolved for its newest leaderboard entry, the
-- vendor spellings seen, where and when it appeared, its best score, and whether its weights are
-- open per its newest arena licence (NULL = unknown). Resolution: int_lab_aliases, then the
-- model-family patterns in warehouse/seeds/model_families.csv. "Newest" is the newest snapshot day,
-- then the last board by name: boards share a day, and a rebuild must pick the same row.
select
    model,
    arg_max(model_family, (snapshot_date, board)) as model_family,
    arg_max(lab_id, (snapshot_date, board)) as lab_id,
    arg_max(country_code, (snapshot_date, board)) as country_code,
    string_agg(distinct vendor, '; ' order by vendor) as vendor_spellings,
    string_agg(distinct board, ', ' order by board) as boards,
    min(snapshot_date) as first_seen,
    max(snapshot_date) as last_seen,
    max(score) as best_score,
    arg_max(is_open_weights, (snapshot_date, board)) as is_open_weights,
    arg_max(source_url, (snapshot_date, board)) as source_url
from marts.fct_leaderboard_entries
group by model
order by model
