"""The full-data download on the overview: every marts and out table as a CSV under
data/tables/ (nested values as JSON text, formula-like text neutralised), listed with its rows.

DuckDB writes these files itself (COPY … TO, no detour through a frame per table): the biggest
tables are the ones a scale refresh grows, and converting each to Python cost more than its query."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from .chart import FORMULA_START, esc
from .site import Section

SCHEMAS = ("marts", "out")
NESTED = ("[", "STRUCT", "MAP", "JSON")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column(name: str, data_type: str) -> str:
    """One column of the CSV: nested values as JSON text; text neutralised; the rest as it is."""
    quoted = _quoted(name)
    if any(k in data_type for k in NESTED):
        text = f"CAST(to_json({quoted}) AS VARCHAR)"
    elif data_type == "VARCHAR":
        text = quoted
    else:
        return quoted
    return f"CASE WHEN regexp_matches({text}, '{FORMULA_START}') THEN chr(39) || {text} ELSE {text} END AS {quoted}"


@dataclass(frozen=True)
class FullTable:
    schema: str
    table: str
    select: str  # every column, in table order, rows in a stable order (ORDER BY ALL)
    rows: int
    columns: int

    @property
    def csv_name(self) -> str:
        return f"tables/{self.schema}.{self.table}.csv"

    def write(self, con: duckdb.DuckDBPyConnection, data_dir: Path) -> Path:
        """The CSV, written beside its final name and then renamed, so no reader sees half a file."""
        path = data_dir / self.csv_name
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(path.name + ".part")
        con.execute(f"COPY ({self.select}) TO '{str(part).replace(chr(39), chr(39) * 2)}' (FORMAT csv, HEADER)")
        part.replace(path)
        return path


def full_tables(con: duckdb.DuckDBPyConnection) -> list[FullTable]:
    """Every marts and out table: the columns of all of them in one query, their rows in another."""
    found = con.execute(
        f"""SELECT c.table_schema, c.table_name, list(c.column_name ORDER BY c.ordinal_position),
                   list(c.data_type ORDER BY c.ordinal_position)
            FROM information_schema.columns c
            JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE c.table_schema IN ({", ".join("?" for _ in SCHEMAS)}) AND t.table_type = 'BASE TABLE'
            GROUP BY ALL ORDER BY c.table_schema, c.table_name""",
        list(SCHEMAS),
    ).fetchall()
    if not found:
        return []
    counted = " UNION ALL ".join(
        f"SELECT {i} AS i, count(*) AS n FROM {_quoted(s)}.{_quoted(t)}" for i, (s, t, _, _) in enumerate(found)
    )
    counts = dict(con.execute(counted).fetchall())
    return [
        FullTable(
            schema,
            table,
            f"SELECT {', '.join(_column(c, d) for c, d in zip(names, types, strict=True))} "
            f"FROM {_quoted(schema)}.{_quoted(table)} ORDER BY ALL",
            counts[i],
            len(names),
        )
        for i, (schema, table, names, types) in enumerate(found)
    ]


def _breakable(name: str) -> str:
    """A table name that a phone may wrap after an underscore, not in the middle of a word."""
    return "_<wbr>".join(esc(part) for part in name.split("_"))


def full_data_section(con: duckdb.DuckDBPyConnection) -> tuple[Section, list[FullTable]]:
    tables = full_tables(con)
    rows = [
        f'<li><a href="data/{esc(t.csv_name)}" download>{esc(t.schema)}.{_breakable(t.table)}</a> '
        f'<span class="meta">{t.rows:,} rows, {t.columns} columns</span></li>\n'
        for t in tables
    ]
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
    ), tables
