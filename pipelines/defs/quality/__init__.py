"""Q1 quality: Artificial Analysis as a second arena (fetched snapshots over the curated history),
arena.ai's official dataset beside the mirror with the agreement of the two, and the cross-arena
measures (top-N shares, best score per country, #1 and a CI-aware lead)."""

from ..bundle import definitions
from ..checks import range_check
from ..sql_assets import sql_model

# a warning, not an error: both values stay and the table's rule column says which one is preferred
AGREEMENT_CHECK = range_check(
    "fct_agreement_leaderboards",
    "marts.fct_agreement_leaderboards",
    "sources_agree",
    "n_over_tolerance = 0",
    "where two sources give the same board and day, no model differs by more than the stated tolerance "
    "(a warning: both values stay, the rule column says which is preferred)",
)

defs = definitions(
    __name__,
    *sql_model("stg", "stg_aa_creator_labs", keys=("alias_key",)),
    *sql_model(
        "stg",
        "stg_aa_entries",
    ),
    *sql_model(
        "marts",
        "fct_leaderboard_entries_aa",
        keys=("board", "snapshot_date", "slug"),
        date_column="snapshot_date",
    ),
    range_check(
        "fct_leaderboard_entries_aa",
        "marts.fct_leaderboard_entries_aa",
        "elo_and_ci_plausible",
        "score between 500 and 2000 and score_ci_lower is not null and score_ci_upper - score_ci_lower <= 100",
        "AA Elo values sit between 500 and 2000 (the weakest real entries, e.g. Pyramid Flow, sit near 760) "
        "and every entry has a CI no wider than 100 points",
    ),
    *sql_model(
        "stg",
        "stg_lmarena_entries",
    ),
    *sql_model(
        "marts",
        "fct_leaderboard_entries_lmarena",
        keys=("board", "snapshot_date", "model"),
        date_column="snapshot_date",
    ),
    range_check(
        "fct_leaderboard_entries_lmarena",
        "marts.fct_leaderboard_entries_lmarena",
        "rating_within_bounds",
        "score between 800 and 2000 and score_ci_lower <= score and score <= score_ci_upper",
        "dataset ratings sit between 800 and 2000 and inside their own published bounds",
    ),
    *sql_model(
        "marts",
        "fct_agreement_leaderboards",
        keys=("fact", "source_a", "source_b", "compared_on"),
        date_column="compared_on",
    ),
    AGREEMENT_CHECK,
    range_check(
        "fct_leaderboard_entries_aa",
        "marts.fct_leaderboard_entries_aa",
        "one_snapshot_per_board_day",
        "1 = (select count(distinct o.snapshot_sha256 || '|' || o.elo_scale) "
        "from marts.fct_leaderboard_entries_aa as o where o.board = fct_leaderboard_entries_aa.board "
        "and o.snapshot_date = fct_leaderboard_entries_aa.snapshot_date)",
        "every AA board-day comes from one snapshot (one Elo scale): Elos are compared only within it",
    ),
    *sql_model(
        "out",
        "out_quality_country_daily",
        keys=("arena", "board", "snapshot_date", "country_group"),
        date_column="snapshot_date",
    ),
    *sql_model(
        "out",
        "out_quality_leader_daily",
        keys=("arena", "board", "snapshot_date"),
        date_column="snapshot_date",
    ),
    *sql_model(
        "out",
        "out_quality_days_behind",
        keys=("arena", "board", "snapshot_date", "country_code"),
        date_column="snapshot_date",
    ),
)
