"""Shared dimensions, read by every family: labs (with their aliases), model families, the models the
arenas name, and the stock listings. Built from the curated seeds (and, for models, the arena
entries); one home for each, so no family resolves a lab or a listing its own way."""

from ..bundle import family
from ..sql_assets import sql_model

declared = family(
    __name__,
    *sql_model("int", "int_labs"),
    *sql_model("int", "int_listings"),
    *sql_model(
        "marts",
        "dim_labs",
        keys=("lab_id",),
    ),
    *sql_model("int", "int_lab_aliases", keys=("alias_key",)),
    *sql_model("int", "int_model_families", keys=("priority",)),
    *sql_model("marts", "dim_listings", keys=("ticker",)),
    # the source registry (warehouse/seeds/sources.csv and its lists) as the site reads it
    *sql_model("marts", "dim_sources", keys=("source",)),
    *sql_model("marts", "dim_boards", keys=("board",)),
    # each source's data-through date (its newest observation), read by status, the checks and the site
    *sql_model("marts", "dim_source_data_through", keys=("source",), date_column="data_through"),
    *sql_model(
        "marts",
        "dim_models",
        keys=("model",),
        date_column="last_seen",
    ),
)
