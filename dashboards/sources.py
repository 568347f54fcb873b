"""What the site knows about sources, read from the warehouse only: the registry as the pipeline
loaded it (marts.dim_sources, from warehouse/seeds/sources.csv) and each source's status (the
warehouse's own query, warehouse/queries/source_status.sql, over raw.source_runs and raw.snapshots).
The dashboards never import the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

STATUS_SQL = Path(__file__).resolve().parents[1] / "warehouse" / "queries" / "source_status.sql"


@dataclass(frozen=True)
class SourceRow:
    name: str
    family: str
    title: str
    live_url: str
    terms: str
    cadence: str
    access: str


def table_exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
            [schema, table],
        ).fetchall()[0][0]
    )


def source_registry(con: duckdb.DuckDBPyConnection) -> dict[str, SourceRow]:
    """source -> its registry row, in the registry's order; empty when the curated family was not built."""
    if not table_exists(con, "marts", "dim_sources"):
        return {}
    rows = con.execute(
        """SELECT source, family, title, live_url, terms, cadence, access
           FROM marts.dim_sources ORDER BY registry_row"""
    ).fetchall()
    return {r[0]: SourceRow(*r) for r in rows}


def stale_sources(con: duckdb.DuckDBPyConnection, now: datetime | None = None) -> dict[str, str]:
    """source -> its badge label ("arena (data to 2026-10-10)") for each source whose last refresh
    failed or whose data is older than its cadence allows (warehouse/queries/source_status.sql)."""
    needed = (("raw", "source_runs"), ("raw", "snapshots"), ("marts", "dim_sources"))
    if not all(table_exists(con, schema, table) for schema, table in needed):
        return {}
    cadences = con.sql("SELECT source, family, max_age_days FROM marts.dim_sources").to_arrow_table()
    through_sql = (
        "SELECT source, data_through FROM marts.dim_source_data_through"
        if table_exists(con, "marts", "dim_source_data_through")
        else "SELECT NULL::VARCHAR AS source, NULL::DATE AS data_through WHERE false"
    )
    through = con.sql(through_sql).to_arrow_table()
    con.register("source_cadences", cadences)
    con.register("source_data_through", through)
    try:
        rows = con.sql(STATUS_SQL.read_text(encoding="utf-8"), params={"now": now or datetime.now(UTC)}).pl()
    finally:
        con.unregister("source_cadences")
        con.unregister("source_data_through")
    return {
        r["source"]: f"{r['source']} (data to {r['data_through']})" if r["data_through"] else r["source"]
        for r in rows.filter(pl.col("stale")).iter_rows(named=True)
    }


def board_order(con: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """The boards in display order (marts.dim_boards, from warehouse/seeds/source_boards.csv); empty
    when the curated family was not built (the board charts are then left out)."""
    if not table_exists(con, "marts", "dim_boards"):
        return ()
    return tuple(r[0] for r in con.execute("SELECT board FROM marts.dim_boards ORDER BY board_order, board").fetchall())
