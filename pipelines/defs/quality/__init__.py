"""Q1 quality: Artificial Analysis as a second arena (fetched snapshots over the curated history) and the
cross-arena measures (top-N shares, best score per country, #1 and a CI-aware lead)."""


from ..bundle import definitions
from ..checks import range_check
from ..sql_assets import sql_model

defs = definitions(
    *sql_model("stg", "stg_aa_creator_labs", group="leaderboards", deps=["stg_lab_aliases"],
               keys=("alias_key",)),
    *sql_model("stg", "stg_aa_entries", group="leaderboards",
               deps=["raw_curated__aa_history", "raw_leaderboards__aa_arena", "stg_aa_creator_labs", "dim_labs"]),
    *sql_model("marts", "fct_leaderboard_entries_aa", group="leaderboards", deps=["stg_aa_entries"],
               keys=("board", "snapshot_date", "slug"), date_column="snapshot_date"),
    range_check("fct_leaderboard_entries_aa", "marts.fct_leaderboard_entries_aa", "elo_and_ci_plausible",
                "score between 500 and 2000 and score_ci_lower is not null and score_ci_upper - score_ci_lower <= 100",
                "AA Elo values sit between 500 and 2000 (the weakest real entries, e.g. Pyramid Flow, sit near 760) "
                "and every entry has a CI no wider than 100 points"),
    *sql_model("out", "out_quality_country_daily", group="leaderboards",
               deps=["fct_leaderboard_entries", "fct_leaderboard_entries_aa"],
               keys=("arena", "board", "snapshot_date", "country_group"), date_column="snapshot_date"),
    *sql_model("out", "out_quality_leader_daily", group="leaderboards",
               deps=["out_quality_country_daily", "fct_leaderboard_entries", "fct_leaderboard_entries_aa"],
               keys=("arena", "board", "snapshot_date"), date_column="snapshot_date"),
)
