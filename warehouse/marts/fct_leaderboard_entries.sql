-- fct_leaderboard_entries: one row per arena.ai board, day and model with its score, the arena's
-- CI (score - ci_low .. score + ci_high), votes, licence, model family, lab and HQ country, and the
-- provenance of the row (a snapshot hash, or a curated file and row, and the source URL).
select
    'arena' as arena,
    board,
    snapshot_date,
    rank,
    model,
    model_family,
    vendor,
    lab_id,
    country_code,
    score,
    ci_low,
    ci_high,
    score - ci_low as score_ci_lower,
    score + ci_high as score_ci_upper,
    votes,
    license,
    is_open_weights,
    preliminary,
    record_source,
    source_url,
    snapshot_sha256,
    curated_file,
    curated_row
from int.int_leaderboard_entries
