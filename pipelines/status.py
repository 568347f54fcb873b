"""What `videorace status` and the refresh summary report: rows per table, newest date per table
and per source, the last outcome of every source and whether it is stale for its cadence."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb
import polars as pl

from .sources import CADENCE_MAX_AGE_DAYS, SOURCES
from .warehouse import sql_text

DATE_COLUMNS = (
    "snapshot_date",
    "date",
    "release_date",
    "observed_at",
    "valid_from",
    "as_of",
    "event_date",
    "fetched_at",
    "refresh_date",
    "created_at",
)


def table_counts(
    con: duckdb.DuckDBPyConnection, schemas: tuple[str, ...] = ("raw", "stg", "int", "marts", "out")
) -> pl.DataFrame:
    """Rows and newest date per table of `schemas` (a `stg` or `int` view is run to be counted: the refresh
    summary, which does not print them, leaves them out)."""
    tables = con.execute(
        "SELECT table_schema, table_name FROM information_schema.tables WHERE list_contains(?, table_schema) "
        "ORDER BY 1, 2",
        [list(schemas)],
    ).fetchall()
    rows = []
    for schema, table in tables:
        types = {r[0]: r[1] for r in con.execute(f'DESCRIBE "{schema}"."{table}"').fetchall()}
        date_col = next((c for c in DATE_COLUMNS if c in types and types[c].startswith(("DATE", "TIMESTAMP"))), None)
        count = con.execute(f'SELECT count(*) FROM "{schema}"."{table}"').fetchall()[0][0]
        newest = None
        if date_col:
            newest = con.execute(f'SELECT CAST(max("{date_col}") AS VARCHAR) FROM "{schema}"."{table}"').fetchall()[0][
                0
            ]
        rows.append({"table": f"{schema}.{table}", "rows": count, "newest": newest, "date_column": date_col})
    return pl.DataFrame(rows, schema={"table": pl.Utf8, "rows": pl.Int64, "newest": pl.Utf8, "date_column": pl.Utf8})


def source_status(con: duckdb.DuckDBPyConnection, now: datetime | None = None) -> pl.DataFrame:
    """warehouse/queries/source_status.sql, with each source's cadence limit from the registry."""
    cadences = pl.DataFrame(
        {
            "source": list(SOURCES),
            "max_age_days": [CADENCE_MAX_AGE_DAYS[s.cadence] for s in SOURCES.values()],
        }
    )
    con.register("source_cadences", cadences.to_arrow())
    try:
        return con.sql(sql_text("queries/source_status.sql"), params={"now": now or datetime.now(UTC)}).pl()
    finally:
        con.unregister("source_cadences")
