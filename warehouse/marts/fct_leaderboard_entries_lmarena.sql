-- fct_leaderboard_entries_lmarena: arena.ai's boards as its official dataset publishes them, beside
-- the community mirror's fct_leaderboard_entries (same board names and model names, not merged):
-- one row per board, snapshot day and model with the full-precision rating, its bounds (the
-- dataset's own interval), variance, votes, licence, lab and HQ country, the dataset's publish date
-- and provenance (snapshot hash, the mirror file read, the dataset URL upstream).
-- fct_agreement_leaderboards compares the two where both give the same board and day.
select
    'arena' as arena,
    'lmarena_dataset' as source,
    board,
    snapshot_date,
    leaderboard_publish_date,
    rank,
    model,
    organization,
    lab_id,
    lab_basis,
    country_code,
    rating as score,
    rating_lower as score_ci_lower,
    rating_upper as score_ci_upper,
    variance,
    vote_count as votes,
    license,
    is_open_licence,
    record_source,
    upstream_url,
    source_url,
    snapshot_sha256
from stg.stg_lmarena_entries
