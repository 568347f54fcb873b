"""Leaderboards family: arena.ai video boards (mirror snapshots + curated history), arena.ai's official
leaderboard dataset beside them (staged in pipelines/defs/quality with the agreement of the two) and
the Artificial Analysis video arena (staged with its curated history in pipelines/defs/quality)."""

from ..bundle import definitions
from ..checks import range_check
from ..source_assets import source_assets
from ..sql_assets import sql_model

defs = definitions(
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
    *sql_model(
        "stg",
        "stg_leaderboard_entries",
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
    *sql_model(
        "marts",
        "dim_models",
        keys=("model",),
        date_column="last_seen",
    ),
    *sql_model(
        "out",
        "out_leaderboard_country_daily",
        keys=("board", "snapshot_date", "country_group"),
        date_column="snapshot_date",
    ),
)
