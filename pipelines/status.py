"""What `videorace status` and the refresh summary report: rows per table, newest date per table
and per source, the last outcome of every source, the date its data runs to (data_through, from
marts.dim_source_data_through: its newest observation, not its load time) and whether it is stale: the
last refresh failed, or its data is older than its cadence allows (CADENCE_MAX_AGE_DAYS)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import duckdb
import polars as pl

from .sources import CADENCE_MAX_AGE_DAYS, SOURCES
from .warehouse import sql_text, table_exists

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
    "data_through",
    "preferred_date",
    "date_value",
)


def table_counts(
    con: duckdb.DuckDBPyConnection, schemas: tuple[str, ...] = ("raw", "stg", "int", "marts", "out")
) -> pl.DataFrame:
    """Rows and newest date per table of `schemas` (a `stg` or `int` view is run to be counted: the refresh
    summary, which does not print them, leaves them out)."""
    columns = con.execute(
        """SELECT t.table_schema, t.table_name, list(c.column_name ORDER BY c.ordinal_position),
                  list(c.data_type ORDER BY c.ordinal_position)
           FROM information_schema.tables AS t
           JOIN information_schema.columns AS c USING (table_catalog, table_schema, table_name)
           WHERE list_contains(?, t.table_schema) GROUP BY ALL ORDER BY 1, 2""",
        [list(schemas)],
    ).fetchall()
    tables = []
    for schema, table, names, kinds in columns:
        types = dict(zip(names, kinds, strict=True))
        date_col = next((c for c in DATE_COLUMNS if c in types and types[c].startswith(("DATE", "TIMESTAMP"))), None)
        tables.append((f"{schema}.{table}", f'"{schema}"."{table}"', date_col))
    # every count and newest date in one statement: one round trip, not three per table
    figures = (
        con.execute(
            " UNION ALL ".join(
                f"SELECT {i} AS i, count(*), "
                + (f'CAST(max("{date_col}") AS VARCHAR)' if date_col else "CAST(NULL AS VARCHAR)")
                + f" FROM {quoted}"
                for i, (_, quoted, date_col) in enumerate(tables)
            )
        ).fetchall()
        if tables
        else []
    )
    by_index = {i: (count, newest) for i, count, newest in figures}
    rows = [
        {"table": name, "rows": by_index[i][0], "newest": by_index[i][1], "date_column": date_col}
        for i, (name, _, date_col) in enumerate(tables)
    ]
    return pl.DataFrame(rows, schema={"table": pl.Utf8, "rows": pl.Int64, "newest": pl.Utf8, "date_column": pl.Utf8})


def data_through(con: duckdb.DuckDBPyConnection) -> dict[str, date | None]:
    """source -> the date its data runs to. The model's own SQL (warehouse/marts/dim_source_data_through.sql)
    is run over the raw tables, so a freshness check evaluated right after a load sees that load even
    before the marts table is rebuilt; the built table is the fallback; empty before any load."""
    try:
        rows = con.execute(sql_text("marts/dim_source_data_through.sql")).fetchall()
        return {r[1]: r[2] for r in rows}  # family, source, data_through, ...
    except duckdb.CatalogException:
        if not table_exists(con, "marts", "dim_source_data_through"):
            return {}
        return dict(con.execute("SELECT source, data_through FROM marts.dim_source_data_through").fetchall())


def data_age_days(through: date | None, now: datetime) -> int | None:
    return None if through is None else (now.date() - through).days


def source_status(con: duckdb.DuckDBPyConnection, now: datetime | None = None) -> pl.DataFrame:
    """One row per source (warehouse/queries/source_status.sql): last outcome, snapshots,
    data_through and data_age_days, stale; each source's cadence limit from the registry."""
    cadences = pl.DataFrame(
        {
            "source": list(SOURCES),
            "family": [s.family for s in SOURCES.values()],
            "max_age_days": [CADENCE_MAX_AGE_DAYS[s.cadence] for s in SOURCES.values()],
        }
    )
    through = data_through(con)
    dates = pl.DataFrame(
        {"source": list(through), "data_through": list(through.values())},
        schema={"source": pl.Utf8, "data_through": pl.Date},
    )
    con.register("source_cadences", cadences.to_arrow())
    con.register("source_data_through", dates.to_arrow())
    try:
        return con.sql(sql_text("queries/source_status.sql"), params={"now": now or datetime.now(UTC)}).pl()
    finally:
        con.unregister("source_cadences")
        con.unregister("source_data_through")
