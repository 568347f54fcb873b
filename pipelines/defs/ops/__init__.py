"""Operations: asset checks that watch the warehouse itself rather than one family.

- value ranges (rules.RULES), WARN, on every table a rule names, once its asset exists;
- schema drift, ERROR: each raw table that has warehouse/raw/<table>.sql against that DDL;
- freshness, WARN: each source against its cadence (pipelines.sources.CADENCE_MAX_AGE_DAYS).

The checks attach only to assets other families define, so a rule for a table still being built
waits in the list without breaking the code location.
"""


import importlib
import pkgutil

import dagster as dg
from dagster_duckdb import DuckDBResource

from ...config import SQL_DIR
from ...sources import SOURCES
from .. import __path__ as defs_path
from ..bundle import definitions
from .health import freshness, schema_drift
from .rules import RULES, RangeRule, out_of_range


def existing_assets() -> set[str]:
    """Asset keys defined by the other packages of pipelines.defs."""
    keys: set[str] = set()
    for info in pkgutil.iter_modules(defs_path):
        if not info.ispkg or info.name == "ops":
            continue
        family = getattr(importlib.import_module(f"pipelines.defs.{info.name}"), "defs", None)
        for asset in (family.assets or []) if isinstance(family, dg.Definitions) else []:
            if isinstance(asset, dg.AssetsDefinition):
                keys |= {key.to_user_string() for key in asset.keys}
    return keys


def range_rule_check(rule: RangeRule) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=rule.asset, name=f"range_{rule.name}", blocking=False,
                    description=f"{rule.description} ({rule.relation}: {rule.condition})")
    def _check(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            count, rows = out_of_range(con, rule)
        return dg.AssetCheckResult(passed=count == 0, severity=dg.AssetCheckSeverity.WARN,
                                   metadata={"rows_out_of_range": count, "rule": rule.condition,
                                             "examples": "\n".join(rows[:10])})

    return _check


def schema_check(table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=table, name="schema_matches_ddl", blocking=False,
                    description=f"raw.{table} has exactly the columns and types of warehouse/raw/{table}.sql")
    def _check(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            problems = schema_drift(con, table)
        return dg.AssetCheckResult(passed=not problems, severity=dg.AssetCheckSeverity.ERROR,
                                   metadata={"differences": len(problems), "details": "\n".join(problems)})

    return _check


def freshness_check(source: str, asset: str) -> dg.AssetChecksDefinition:
    cadence = SOURCES[source].cadence

    @dg.asset_check(asset=asset, name="fresh_for_cadence", blocking=False,
                    description=f"source {source!r} loaded successfully within its {cadence} cadence")
    def _check(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            verdict = freshness(con, source)
        return dg.AssetCheckResult(passed=verdict["fresh"], severity=dg.AssetCheckSeverity.WARN,
                                   metadata={k: v for k, v in verdict.items() if v is not None})

    return _check


def ops_checks(present: set[str]) -> list[dg.AssetChecksDefinition]:
    checks = [range_rule_check(rule) for rule in RULES if rule.asset in present]
    checks += [schema_check(key) for key in sorted(present)
               if key.startswith("raw_") and (SQL_DIR / "raw" / f"{key}.sql").exists()]
    checks += [freshness_check(name, source.raw_table) for name, source in SOURCES.items()
               if source.raw_table in present]
    return checks


defs = definitions(*ops_checks(existing_assets()))
