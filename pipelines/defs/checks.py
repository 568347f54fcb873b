"""Asset-check factories, declared beside the assets that use them."""


import dagster as dg
from dagster_duckdb import DuckDBResource


def key_checks(asset_key: str, relation: str, keys: tuple[str, ...]) -> list[dg.AssetChecksDefinition]:
    """Unique and not-null natural keys: errors, never warnings."""
    key_list = ", ".join(keys)

    @dg.asset_check(asset=asset_key, name="keys_unique", blocking=False,
                    description=f"({key_list}) is unique in {relation}")
    def keys_unique(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            dupes = con.execute(
                f"SELECT count(*) FROM (SELECT {key_list} FROM {relation} GROUP BY ALL HAVING count(*) > 1)"
            ).fetchall()[0][0]
        return dg.AssetCheckResult(passed=dupes == 0, severity=dg.AssetCheckSeverity.ERROR,
                                   metadata={"duplicate_keys": dupes})

    null_any = " OR ".join(f"{k} IS NULL" for k in keys)

    @dg.asset_check(asset=asset_key, name="keys_not_null", blocking=False,
                    description=f"no NULL in ({key_list}) of {relation}")
    def keys_not_null(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            nulls = con.execute(f"SELECT count(*) FROM {relation} WHERE {null_any}").fetchall()[0][0]
        return dg.AssetCheckResult(passed=nulls == 0, severity=dg.AssetCheckSeverity.ERROR,
                                   metadata={"rows_with_null_key": nulls})

    return [keys_unique, keys_not_null]


def range_check(asset_key: str, relation: str, name: str, condition: str, description: str) -> dg.AssetChecksDefinition:
    """Business ranges: rows violating `condition` produce a warning, not an error."""

    @dg.asset_check(asset=asset_key, name=name, blocking=False, description=description)
    def _check(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            bad = con.execute(f"SELECT count(*) FROM {relation} WHERE NOT ({condition})").fetchall()[0][0]
        return dg.AssetCheckResult(passed=bad == 0, severity=dg.AssetCheckSeverity.WARN,
                                   metadata={"rows_out_of_range": bad, "rule": condition})

    return _check


def last_run_check(asset_key: str, source: str) -> dg.AssetChecksDefinition:
    """The latest fetch-and-load of a source succeeded (the failure is visible in the UI)."""

    @dg.asset_check(asset=asset_key, name="last_load_ok", blocking=False,
                    description=f"the latest refresh of source {source!r} did not fail")
    def _check(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        with duckdb.get_connection() as con:
            rows = con.execute(
                "SELECT status, message FROM raw.source_runs WHERE source = ? ORDER BY run_started_at DESC LIMIT 1",
                [source],
            ).fetchall()
        status, message = rows[0] if rows else ("never run", None)
        return dg.AssetCheckResult(passed=status not in ("failed", "never run"), severity=dg.AssetCheckSeverity.ERROR,
                                   metadata={"status": status, "message": message or ""})

    return _check
