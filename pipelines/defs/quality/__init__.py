"""Q1 quality, across the arenas: top-N shares, the best score per country, #1 and a CI-aware lead,
the days one country trails the other, from the leaderboards family's fact tables."""

from ..bundle import family
from ..sql_assets import sql_model

declared = family(
    __name__,
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
    *sql_model(
        "out",
        "out_leaderboard_country_daily",
        keys=("board", "snapshot_date", "country_group"),
        date_column="snapshot_date",
    ),
)
