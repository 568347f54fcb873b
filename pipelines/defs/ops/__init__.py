"""Operations: asset checks that watch the warehouse itself rather than one family.

- value ranges (rules.RULES), WARN, on every table a rule names, once its asset exists (raw keeps
  the row; an impossible one is held back from the marts by quarantine.py);
- schema drift, ERROR: each raw table that has warehouse/raw/<table>.sql against that DDL;
- freshness, WARN: each source's data-through date against its cadence
  (pipelines.sources.CADENCE_MAX_AGE_DAYS); the date is in the check's metadata.

The checks attach only to assets the other families define (`build_defs(other)`), so a rule for a
table still being built waits in the list without breaking the code location.
"""

import dagster as dg

from ...config import SQL_DIR
from ...sources import SOURCES
from ..bundle import definitions, family
from ..checks import Check
from .health import freshness, schema_drift
from .rules import RULES, RangeRule, out_of_range


def range_rule_check(rule: RangeRule) -> Check:
    def evaluate(con) -> tuple[bool, dict]:
        count, rows = out_of_range(con, rule)
        return count == 0, {"rows_out_of_range": count, "rule": rule.condition, "examples": "\n".join(rows[:10])}

    held_back = "; impossible: held back from the marts" if rule.severity == "impossible" else "; suspicious"
    return Check(
        rule.asset,
        f"range_{rule.name}",
        f"{rule.description} ({rule.relation}: {rule.condition}{held_back})",
        dg.AssetCheckSeverity.WARN,
        evaluate,
    )


def schema_check(table: str) -> Check:
    def evaluate(con) -> tuple[bool, dict]:
        problems = schema_drift(con, table)
        return not problems, {"differences": len(problems), "details": "\n".join(problems)}

    return Check(
        table,
        "schema_matches_ddl",
        f"raw.{table} has exactly the columns and types of warehouse/raw/{table}.sql",
        dg.AssetCheckSeverity.ERROR,
        evaluate,
    )


def freshness_check(source: str, asset: str) -> Check:
    def evaluate(con) -> tuple[bool, dict]:
        verdict = freshness(con, source)
        return verdict["fresh"], {k: v for k, v in verdict.items() if v is not None}

    return Check(
        asset,
        "fresh_for_cadence",
        f"source {source!r}: its data (newest observation, marts.dim_source_data_through) is within its "
        f"{SOURCES[source].cadence} cadence and its last refresh did not fail",
        dg.AssetCheckSeverity.WARN,
        evaluate,
    )


def ops_checks(present: set[str]) -> list[Check]:
    checks = [range_rule_check(rule) for rule in RULES if rule.asset in present]
    checks += [
        schema_check(key)
        for key in sorted(present)
        if key.startswith("raw_") and (SQL_DIR / "raw" / f"{key}.sql").exists()
    ]
    checks += [
        freshness_check(name, source.raw_table) for name, source in SOURCES.items() if source.raw_table in present
    ]
    return checks


def build_defs(other: dg.Definitions) -> dg.Definitions:
    """The operations checks on every asset of `other` (all the other families) they name."""
    present = {
        key.to_user_string()
        for asset in (other.assets or [])
        if isinstance(asset, dg.AssetsDefinition)
        for key in asset.keys
    }
    return definitions(family(__name__, *ops_checks(present)))
