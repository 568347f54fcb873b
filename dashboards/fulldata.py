"""The full-data download on the overview: every marts and out table as a CSV under
data/tables/ (nested values as JSON text, formula-like text neutralised), listed with its rows."""

from __future__ import annotations

import duckdb
import polars as pl

from .chart import esc
from .site import Section

SCHEMAS = ("marts", "out")


def _table_frame(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> pl.DataFrame:
    columns = con.execute(
        """SELECT column_name, data_type FROM information_schema.columns
                             WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position""",
        [schema, table],
    ).fetchall()
    select = ", ".join(
        f'CAST(to_json("{c}") AS VARCHAR) AS "{c}"' if any(k in t for k in ("[", "STRUCT", "MAP")) else f'"{c}"'
        for c, t in columns
    )
    return con.sql(f'SELECT {select} FROM "{schema}"."{table}" ORDER BY ALL').pl()


def _breakable(name: str) -> str:
    """A table name that a phone may wrap after an underscore, not in the middle of a word."""
    return "_<wbr>".join(esc(part) for part in name.split("_"))


def full_data_section(con: duckdb.DuckDBPyConnection) -> tuple[Section, dict[str, pl.DataFrame]]:
    tables = con.execute(
        f"""SELECT table_schema, table_name FROM information_schema.tables
                             WHERE table_schema IN ({", ".join("?" for _ in SCHEMAS)})
                             ORDER BY table_schema, table_name""",
        list(SCHEMAS),
    ).fetchall()
    frames: dict[str, pl.DataFrame] = {}
    rows = []
    for schema, table in tables:
        frame = _table_frame(con, schema, table)
        name = f"tables/{schema}.{table}.csv"
        frames[name] = frame
        rows.append(
            f'<li><a href="data/{esc(name)}" download>{esc(schema)}.{_breakable(table)}</a> '
            f'<span class="meta">{frame.height:,} rows, {frame.width} columns</span></li>\n'
        )
    blocks = [
        f'<ul class="full-data">\n{"".join(rows)}</ul>\n' if rows else '<p class="meta">No tables yet.</p>\n',
        '<p class="meta">Each row keeps its source URL and snapshot hash or curated file and row. Our '
        "compilation is licensed CC BY 4.0; the data of each source stays under its own terms "
        '(<a href="methodology.html#sources">sources and licences</a>).</p>\n',
    ]
    return Section(
        "full-data",
        "Download the full data",
        "Every table the charts are built from, as CSV (UTF-8, one header row).",
        html_blocks=blocks,
    ), frames
