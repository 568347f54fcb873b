"""Curated seeds: one raw asset per file, plus the lab and model dimensions built from them."""

import dagster as dg
import polars as pl
from dagster_duckdb import DuckDBResource

from ...curated import CURATED_FILES, CuratedSchemaError, load_curated
from ...resources import WAREHOUSE_WRITER_POOL, WAREHOUSE_WRITER_TAG
from ..bundle import definitions
from ..checks import key_checks
from ..metadata import table_metadata
from ..source_assets import record_run
from ..sql_assets import sql_model


def _curated_asset(name: str):
    path = CURATED_FILES[name][0]

    @dg.asset(
        pool=WAREHOUSE_WRITER_POOL,
        op_tags=WAREHOUSE_WRITER_TAG,
        name=f"raw_curated__{name}",
        group_name="curated",
        kinds={"duckdb", "csv"},
        tags={"layer": "raw", "family": "curated"},
        description=f"raw.raw_curated__{name}: {path.name} as committed, every column as text, "
        "with curated_file, curated_row and the file's sha256.",
    )
    def curated_asset(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
        with duckdb.get_connection() as con:
            try:
                result = load_curated(con, name)
            except (CuratedSchemaError, OSError, pl.exceptions.PolarsError) as exc:
                record_run(
                    con, context.run.run_id, f"curated_{name}", "curated", "failed", failures=1, message=str(exc)
                )
                raise
            record_run(con, context.run.run_id, f"curated_{name}", "curated", result["status"], rows=result["rows"])
            meta = table_metadata(con, f"raw.raw_curated__{name}")
        return dg.MaterializeResult(metadata={**meta, "status": result["status"]})

    return [curated_asset, *key_checks(f"raw_curated__{name}", f"raw.raw_curated__{name}", ("curated_row",))]


curated_assets = [a for name in CURATED_FILES for a in _curated_asset(name)]

dimension_assets = [
    *sql_model(
        "marts",
        "dim_labs",
        deps=["raw_curated__labs", "raw_curated__labs_supplement"],
        group="curated",
        keys=("lab_id",),
    ),
    *sql_model("stg", "stg_lab_aliases", deps=["dim_labs", "raw_curated__labs"], group="curated", keys=("alias_key",)),
    *sql_model("stg", "stg_model_families", deps=["raw_curated__model_families"], group="curated", keys=("priority",)),
]

defs = definitions(*curated_assets, *dimension_assets)
