"""Data-quality checks, declared beside the assets they guard.

A check here is a small description (asset, name, severity, a function of a DuckDB connection);
`bundle.definitions` evaluates each in the step that builds its asset (or, for an asset built
elsewhere, in ONE multi-asset check per family), so two hundred checks add no steps. Each check
still has its own key, result and metadata in the UI, and a refresh of a subset evaluates only the
checks of the selected assets.

Severity is the gate: an ERROR check that fails (a key not unique or NULL, a raw table that drifted
from its DDL) means the marts cannot be trusted, so the site is not rebuilt (`gate_failures`, read by
the dashboard step) and the refresh exits non-zero. A WARN check (a suspicious value) only flags.
Whether a source's last load failed is not a gate: the site then builds on its last good data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import dagster as dg
import duckdb

Evaluation = tuple[bool, dict]
NOT_GATING = ("last_load_ok",)  # a failed source keeps its last good rows; the site still builds


@dataclass(frozen=True)
class Check:
    asset: str
    name: str
    description: str
    severity: dg.AssetCheckSeverity
    evaluate: Callable[[duckdb.DuckDBPyConnection], Evaluation]

    def __post_init__(self) -> None:
        REGISTRY[self.key] = self  # every declared check, for the gate (latest declaration wins)

    @property
    def key(self) -> dg.AssetCheckKey:
        return dg.AssetCheckKey(dg.AssetKey(self.asset), self.name)


REGISTRY: dict[dg.AssetCheckKey, Check] = {}


def gating_checks() -> list[Check]:
    return sorted(
        (c for c in REGISTRY.values() if c.severity == dg.AssetCheckSeverity.ERROR and c.name not in NOT_GATING),
        key=lambda c: c.key.to_user_string(),
    )


def _summary(metadata: dict) -> str:
    return ", ".join(
        f"{k} {v}" for k, v in metadata.items() if k not in ("rule", "details", "examples") and str(v) not in ("", "0")
    )[:200]


def gate_failures(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every failing ERROR check, one line each ('asset:check (what)'); empty when the gate is open."""
    failed = []
    for check in gating_checks():
        try:
            passed, metadata = check.evaluate(con)
        except duckdb.CatalogException:
            continue  # the table is not built yet (a source never loaded): nothing published from it
        except duckdb.Error as exc:
            passed, metadata = False, {"error": f"{type(exc).__name__}: {exc}"}
        if not passed:
            failed.append(f"{check.key.to_user_string()} ({_summary(metadata) or check.description})")
    return failed


class GateClosed(Exception):
    """An ERROR check failed: the site is not rebuilt, the previous one stays published."""


def require_open_gate(con: duckdb.DuckDBPyConnection) -> None:
    failed = gate_failures(con)
    if failed:
        more = f" (+{len(failed) - 3} more)" if len(failed) > 3 else ""
        raise GateClosed(
            f"site not rebuilt, the previously published one stays: {len(failed)} ERROR check(s) "
            f"failed: {'; '.join(failed[:3])}{more}"
        )


def _count(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> int:
    return con.execute(sql, params or []).fetchall()[0][0]


def key_checks(asset_key: str, relation: str, keys: tuple[str, ...]) -> list[Check]:
    """One ERROR check per table, `keys_valid`: the natural key is unique and never NULL. Both facts
    come from one scan and both are in its metadata; one check instead of two halves the check
    events Dagster stores (two per check and refresh, ~4 ms each) and the queries."""
    key_list = ", ".join(keys)
    null_any = " OR ".join(f"{k} IS NULL" for k in keys)

    def valid(con) -> Evaluation:
        dupes, nulls = con.execute(
            f"""SELECT (SELECT count(*) FROM (SELECT {key_list} FROM {relation} GROUP BY ALL HAVING count(*) > 1)),
                       (SELECT count(*) FROM {relation} WHERE {null_any})"""
        ).fetchall()[0]
        return dupes == 0 and nulls == 0, {"duplicate_keys": dupes, "rows_with_null_key": nulls}

    description = f"({key_list}) is unique and never NULL in {relation}"
    return [Check(asset_key, "keys_valid", description, dg.AssetCheckSeverity.ERROR, valid)]


def range_check(asset_key: str, relation: str, name: str, condition: str, description: str) -> Check:
    """Business ranges: rows violating `condition` produce a warning, not an error."""

    def evaluate(con) -> Evaluation:
        bad = _count(con, f"SELECT count(*) FROM {relation} WHERE NOT ({condition})")
        return bad == 0, {"rows_out_of_range": bad, "rule": condition}

    return Check(asset_key, name, description, dg.AssetCheckSeverity.WARN, evaluate)


def last_run_check(asset_key: str, source: str) -> Check:
    """The latest fetch-and-load of a source did not fail (the failure is visible in the UI)."""

    def evaluate(con) -> Evaluation:
        rows = con.execute(
            "SELECT status, message FROM raw.source_runs WHERE source = ? ORDER BY run_started_at DESC LIMIT 1",
            [source],
        ).fetchall()
        status, message = rows[0] if rows else ("never run", None)
        return status not in ("failed", "never run"), {"status": status, "message": message or ""}

    return Check(
        asset_key,
        "last_load_ok",
        f"the latest refresh of source {source!r} did not fail",
        dg.AssetCheckSeverity.ERROR,
        evaluate,
    )
