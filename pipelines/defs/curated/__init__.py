"""Curated seeds: one raw asset per file of warehouse/seeds (their dimensions are in defs/dimensions)."""

from dataclasses import dataclass
from functools import partial

import dagster as dg
import polars as pl
from dagster_duckdb import DuckDBResource

from ...curated import CURATED_FILES, CuratedSchemaError, load_curated, loaded_curated
from ...resources import WAREHOUSE_WRITER_POOL, WAREHOUSE_WRITER_TAG
from ...source_runs import record_run
from ...warehouse import ensure_base_tables
from ..ahead import in_order
from ..bundle import check_results, check_spec, family, warehouse_connection
from ..checks import Check, key_checks
from ..metadata import table_metadata
from ..sql_assets import sql_model


def _file_results(name: str, run_id: str, loaded: dict, checks: list[Check], selected_checks, con):
    """Load one seed file and evaluate its checks: (its materialisation and check results, None), or
    ([], why it failed) — the other files still load, and the step fails after them."""
    try:
        result = load_curated(con, name, loaded)
    except (CuratedSchemaError, OSError, pl.exceptions.PolarsError) as exc:
        record_run(con, run_id, f"curated_{name}", "curated", "failed", failures=1, message=str(exc))
        return [], f"{name}: {exc}"
    record_run(con, run_id, f"curated_{name}", "curated", result["status"], rows=result["rows"])
    meta = {**table_metadata(con, f"raw.raw_curated__{name}"), "status": result["status"]}
    key = dg.AssetKey(f"raw_curated__{name}")
    mine = [c for c in checks if c.key.asset_key == key]
    return [dg.MaterializeResult(asset_key=key, metadata=meta), *check_results(con, mine, selected_checks)], None


@dataclass(frozen=True)
class CuratedFiles:
    """One raw asset per seed file, all loaded in one step with their checks (bundle.Buildable)."""

    names: tuple[str, ...]

    @property
    def keys(self) -> frozenset[dg.AssetKey]:
        return frozenset(dg.AssetKey(f"raw_curated__{name}") for name in self.names)

    def build(self, checks: list[Check]) -> dg.AssetsDefinition:
        specs = [
            dg.AssetSpec(
                f"raw_curated__{name}",
                group_name="curated",
                kinds={"duckdb", "csv"},
                tags={"layer": "raw", "family": "curated"},
                description=f"raw.raw_curated__{name}: {CURATED_FILES[name][0].name} as committed, every column "
                "as text, with curated_file, curated_row and the file's sha256.",
                skippable=True,
            )
            for name in self.names
        ]

        @dg.multi_asset(
            name="curated_raw_files",
            specs=specs,
            check_specs=[check_spec(c) for c in checks],
            can_subset=True,
            pool=WAREHOUSE_WRITER_POOL,
            op_tags=WAREHOUSE_WRITER_TAG,
            description=f"{len(specs)} curated seed files loaded in one step",
        )
        def _load(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
            failed = []
            with warehouse_connection(duckdb) as con:
                ensure_base_tables(con)
                loaded = loaded_curated(con)  # every seed's loaded sha256 and rows, in one statement
                jobs = [
                    partial(_file_results, name, context.run.run_id, loaded, checks, context.selected_asset_check_keys)
                    for name in self.names
                    if dg.AssetKey(f"raw_curated__{name}") in context.selected_asset_keys
                ]
                for results, error in in_order(con, jobs):  # the next file loads while these are stored
                    yield from results
                    failed += [error] if error else []
            if failed:
                raise dg.Failure(description=f"curated files not loaded: {'; '.join(failed)}")

        return _load


curated_assets = [
    CuratedFiles(tuple(CURATED_FILES)),
    *(
        c
        for name in CURATED_FILES
        for c in key_checks(f"raw_curated__{name}", f"raw.raw_curated__{name}", ("curated_row",))
    ),
]

# staging of the seeds the int and marts models read: typed, renamed, tidied, nothing resolved (the
# int and marts layers never read a raw table; aa_history, arena_history and patents_reported are
# staged in their own families)
STAGED_SEEDS = (
    "earnings_days",
    "market_moves_reported",
    "sources",
    "cadences",
    "source_boards",
    "labs",
    "labs_supplement",
    "listings",
    "events",
    "releases",
    "release_candidates",
    "release_repos",
    "git_facts",
    "model_families",
    "openrouter_authors",
    "openrouter_open_weights",
    "pricing",
    "unit_prices",
    "litellm_providers",
    "litellm_price_history",
    "stock_csv_series",
)
staging = [model for seed in STAGED_SEEDS for model in sql_model("stg", f"stg_curated__{seed}")]

declared = family(__name__, *curated_assets, *staging)
