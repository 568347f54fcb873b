"""Operational health as plain functions over a warehouse connection (the asset checks in this
package wrap them): raw tables against their DDL (schema drift) and sources against their cadence
(freshness)."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

import duckdb

from ...sources import CADENCE_MAX_AGE_DAYS, SOURCES
from ...status import source_status
from ...warehouse import sql_text, table_exists


@cache
def _scratch() -> duckdb.DuckDBPyConnection:
    """One in-memory database for every DDL read in this process (opening one per table cost more
    than the check itself)."""
    con = duckdb.connect()
    con.execute("CREATE SCHEMA raw")
    return con


def ddl_columns(table: str) -> list[tuple[str, str]]:
    """(column, type) as warehouse/raw/<table>.sql declares them, read by running the DDL in memory."""
    con = _scratch().cursor()
    try:
        con.execute(f"DROP TABLE IF EXISTS raw.{table}")
        con.execute(sql_text(f"raw/{table}.sql"))
        return [(r[0], r[1]) for r in con.execute(f"DESCRIBE raw.{table}").fetchall()]
    finally:
        con.close()


def schema_drift(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Differences between raw.<table> in the warehouse and its DDL; empty when they agree."""
    if not table_exists(con, "raw", table):
        return [f"raw.{table} does not exist (never loaded?)"]
    expected = dict(ddl_columns(table))
    actual = {r[0]: r[1] for r in con.execute(f"DESCRIBE raw.{table}").fetchall()}
    problems = [
        f"column {c} ({t}) is in the DDL but missing from the table" for c, t in expected.items() if c not in actual
    ]
    problems += [f"column {c} ({t}) is in the table but not in the DDL" for c, t in actual.items() if c not in expected]
    problems += [
        f"column {c} is {actual[c]} in the table but {t} in the DDL"
        for c, t in expected.items()
        if c in actual and actual[c] != t
    ]
    return problems


# The last source_status() frame: (connection, `now` asked, source_runs fingerprint, frame). The ops
# step evaluates one freshness check per source on one connection, and the status query covers
# every source (~25 ms): it runs once per step, again only when raw.source_runs changed.
_LAST_STATUS: list[tuple] = []


def _status(con: duckdb.DuckDBPyConnection, now: datetime | None):
    if not table_exists(con, "raw", "source_runs"):
        return None
    runs = con.execute("SELECT count(*), max(run_started_at) FROM raw.source_runs").fetchall()[0]
    if _LAST_STATUS and _LAST_STATUS[0][0] is con and _LAST_STATUS[0][1:3] == (now, runs):
        return _LAST_STATUS[0][3]
    frame = source_status(con, now)
    _LAST_STATUS[:] = [(con, now, runs, frame)]
    return frame


def freshness(con: duckdb.DuckDBPyConnection, source: str, now: datetime | None = None) -> dict:
    """Whether a source's data is within its cadence: its data-through date (the newest observation,
    marts.dim_source_data_through) no older than CADENCE_MAX_AGE_DAYS, and its last refresh not failed
    (status.source_status's verdict). The data's date goes into the check's metadata."""
    statuses = _status(con, now)
    now = now or datetime.now(UTC)
    max_age = CADENCE_MAX_AGE_DAYS[SOURCES[source].cadence]
    frame = statuses.filter(source=source) if statuses is not None else None
    if frame is None or frame.is_empty():
        return {"fresh": False, "reason": f"{source} has never been loaded", "max_age_days": max_age}
    row = frame.row(0, named=True)
    load_age = None if row["last_ok_at"] is None else round((now - row["last_ok_at"]).total_seconds() / 86400, 2)
    through, age = row["data_through"], row["data_age_days"]
    if row["last_status"] == "failed":
        reason = f"{source}: the last refresh failed ({row['message']})"
    elif through is not None:
        reason = f"{source}: data through {through}, {age} days before {now:%Y-%m-%d} (cadence allows {max_age})"
    elif load_age is None:
        reason = f"{source} has never loaded successfully"
    else:
        reason = f"{source}: no dated rows; last good load {load_age} days ago (cadence allows {max_age})"
    return {
        "fresh": not row["stale"],
        "reason": reason,
        "data_through": None if through is None else through.isoformat(),
        "data_age_days": age,
        "max_age_days": max_age,
        "load_age_days": load_age,
        "last_status": row["last_status"],
    }
