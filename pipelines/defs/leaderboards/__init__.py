"""Leaderboards family: arena.ai video boards (mirror snapshots + curated history), arena.ai's official
leaderboard dataset beside them with the agreement of the two, and the Artificial Analysis video
arena (fetched snapshots over its curated history), each staged and turned into its fact table here."""

from ..bundle import family
from ..checks import range_check
from ..source_assets import source_assets
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

declared = family(
    __name__,
    *source_assets("arena", keys=("record_index",), date_column="snapshot_date"),
    # AA's own responses name neither the board nor a day: the request label and our retrieval time do
    *source_assets(
        "aa_arena",
        keys=("record_index",),
        date_column="snapshot_date",
        parse_options=lambda snap: {"board": snap.label or None, "fetched_at": snap.fetched_at},
    ),
    *source_assets("lmarena_dataset", keys=("record_index",), date_column="snapshot_date"),
    *sql_model("stg", "stg_arena__entries"),
    *sql_model("stg", "stg_curated__arena_history"),
    *sql_model("stg", "stg_aa_arena__entries"),
    *sql_model("stg", "stg_curated__aa_history"),
    *sql_model("stg", "stg_lmarena_dataset__ratings"),
    *sql_model(
        "int",
        "int_leaderboard_entries",
    ),
    *sql_model(
        "marts",
        "fct_leaderboard_entries",
        keys=("board", "snapshot_date", "model"),
        date_column="snapshot_date",
    ),
    range_check(
        "fct_leaderboard_entries",
        "marts.fct_leaderboard_entries",
        "score_plausible",
        "score between 800 and 2000 and coalesce(ci_low, 0) between 0 and 200",
        "arena scores sit between 800 and 2000 and CI half-widths between 0 and 200",
    ),
    *sql_model("int", "int_aa_creator_labs", keys=("alias_key",)),
    *sql_model(
        "int",
        "int_aa_entries",
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
        "int",
        "int_lmarena_entries",
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
)
