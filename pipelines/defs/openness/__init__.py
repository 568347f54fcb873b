"""Openness family: Hugging Face Hub video models (snapshots -> raw -> fct_open_model_stats) and the
Q4 outputs: open-weight share of releases, open models in the arena top 10, downloads by country."""


from ..bundle import definitions
from ..source_assets import source_assets
from ..sql_assets import sql_model

defs = definitions(
    *source_assets("hf_models", keys=("record_index",)),
    *sql_model("stg", "stg_open_models", group="openness",
               deps=["raw_openness__hf_models", "stg_release_lab_names", "dim_labs"]),
    *sql_model("marts", "fct_open_model_stats", group="openness", deps=["stg_open_models"],
               keys=("model_id", "snapshot_sha256"), date_column="snapshot_date"),
    *sql_model("out", "out_open_share_yearly", group="openness", deps=["fct_releases"],
               keys=("release_year", "country_group")),
    *sql_model("out", "out_open_arena_top10", group="openness", deps=["fct_leaderboard_entries"],
               keys=("board", "snapshot_date", "country_group"), date_column="snapshot_date"),
    *sql_model("out", "out_open_downloads_by_country", group="openness", deps=["fct_open_model_stats"],
               keys=("snapshot_date", "country_group"), date_column="snapshot_date"),
)
