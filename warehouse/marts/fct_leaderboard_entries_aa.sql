-- fct_leaderboard_entries_aa: one row per Artificial Analysis video-arena board, day and model slug:
-- Elo with AA's 95% CI (elo - ci_minus .. elo + ci_plus), rank (NULL where AA leaves an entry
-- unranked), lab, our country (dim_labs) beside AA's own creator_country claim, and provenance
-- (curated file and row, source URL). elo_scale names the API: public_json and aa_v2_api Elo
-- values are on different scales and are only compared within one day.
select
    'artificialanalysis' as arena,
    board,
    snapshot_date,
    rank,
    model,
    slug,
    creator,
    lab_id,
    country_code,
    country_basis,
    lab_country_code,
    aa_creator_country,
    aa_country_basis,
    country_conflict,
    elo as score,
    elo - ci_minus as score_ci_lower,
    elo + ci_plus as score_ci_upper,
    ci95,
    appearances,
    open_weights_url,
    aa_release_date,
    api_source as elo_scale,
    source_url,
    snapshot_sha256,
    curated_file,
    curated_row
from int.int_aa_entries
