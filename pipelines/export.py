"""`videorace export`: every table of the marts and out schemas to one Parquet or CSV file each
(DIR/<schema>.<table>.<format>), through DuckDB COPY, with an `as_of` column. In CSV, text cells
a spreadsheet would run as a formula are neutralised (`neutralised`); Parquet keeps them as written.

`as_of` is the table's own newest date: the latest value over all of its DATE/TIMESTAMP columns
except the pipeline's bookkeeping times (refreshed_at, ...) and end dates that may lie ahead
(valid_to, shutdown_date, quarter_end) -- the same lists the quarantine's date rules use -- so
fct_stock_prices is as of its newest trade_date, not of an older arena snapshot. A table without
one (e.g. dim_labs) gets the warehouse's data-as-of, the newest arena snapshot date in
marts.fct_leaderboard_entries. The warehouse is opened read-only, so an export never changes it."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from .config import load_settings
from .defs.ops.quarantine import BOOKKEEPING_COLUMNS, FORWARD_COLUMNS
from .warehouse import WarehouseUnavailable, open_for_reading, transaction

SCHEMAS = ("marts", "out")


def _date_columns(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> list[str]:
    types = {r[0]: r[1] for r in con.execute(f'DESCRIBE "{schema}"."{table}"').fetchall()}
    return [
        c
        for c, t in types.items()
        if t.startswith(("DATE", "TIMESTAMP")) and c not in (*BOOKKEEPING_COLUMNS, *FORWARD_COLUMNS, "as_of")
    ]


def warehouse_as_of(con: duckdb.DuckDBPyConnection) -> str | None:
    rows = con.execute("""SELECT count(*) FROM information_schema.tables
                          WHERE table_schema = 'marts' AND table_name = 'fct_leaderboard_entries'""").fetchall()
    if not rows[0][0]:
        return None
    value = con.execute("SELECT max(snapshot_date) FROM marts.fct_leaderboard_entries").fetchall()[0][0]
    return str(value) if value is not None else None


def table_as_of(con: duckdb.DuckDBPyConnection, schema: str, table: str, fallback: str | None) -> str | None:
    columns = _date_columns(con, schema, table)
    if columns:
        newest = ", ".join(f'CAST(max("{c}") AS DATE)' for c in columns)
        # greatest() skips NULLs: a column that is empty in this table does not blank the others
        value = con.execute(f'SELECT greatest({newest}) FROM "{schema}"."{table}"').fetchall()[0][0]
        if value is not None:
            return str(value)
    return fallback


FORMULA_START = r"^[=+\-@\t\r]"  # what a spreadsheet reads as the start of a formula


def neutralised(column: str) -> str:
    """SQL for a text cell a spreadsheet cannot run: one starting =, +, -, @, tab or CR gets a
    leading apostrophe (OWASP's CSV-injection advice); the value is otherwise kept as written."""
    return f"CASE WHEN regexp_matches(\"{column}\", '{FORMULA_START}') THEN '''' || \"{column}\" ELSE \"{column}\" END"


def export_tables(con: duckdb.DuckDBPyConnection, fmt: str, out_dir: Path) -> list[tuple[Path, int, str | None]]:
    """Write each table; returns (path, rows, as_of) per file."""
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"format must be parquet or csv, not {fmt!r}")
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = con.execute(
        f"""SELECT table_schema, table_name FROM information_schema.tables
            WHERE table_schema IN ({", ".join(f"'{s}'" for s in SCHEMAS)}) AND table_type = 'BASE TABLE'
            ORDER BY 1, 2"""
    ).fetchall()
    fallback = warehouse_as_of(con)
    options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER true"
    written = []
    for schema, table in tables:
        as_of = table_as_of(con, schema, table, fallback)
        path = out_dir / f"{schema}.{table}.{fmt}"
        literal = "NULL" if as_of is None else f"DATE '{as_of}'"
        types = {r[0]: r[1] for r in con.execute(f'DESCRIBE "{schema}"."{table}"').fetchall()}
        replace = [f"{literal} AS as_of"] if "as_of" in types else []
        if fmt == "csv":
            replace += [f'{neutralised(c)} AS "{c}"' for c, t in types.items() if t == "VARCHAR" and c != "as_of"]
        select = "SELECT *" + (f" REPLACE ({', '.join(replace)})" if replace else "")
        select += ("" if "as_of" in types else f", {literal} AS as_of") + f' FROM "{schema}"."{table}"'
        escaped = str(path).replace("'", "''")
        con.execute(f"COPY ({select}) TO '{escaped}' ({options})")
        rows = con.execute(f'SELECT count(*) FROM "{schema}"."{table}"').fetchall()[0][0]
        written.append((path, rows, as_of))
    return written


def export_marts(fmt: str, out_dir: Path) -> int:
    settings = load_settings()
    path = settings.warehouse_path
    try:
        con = open_for_reading(settings)
    except WarehouseUnavailable as exc:
        print(f"videorace export: {exc}", file=sys.stderr)
        return 1
    try:
        with transaction(con):  # every file from one consistent state of the warehouse
            written = export_tables(con, fmt, Path(out_dir))
    except OSError as exc:
        print(f"videorace export: cannot write {out_dir}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    if not written:
        print(f"videorace export: {path} has no marts or out tables; run `videorace refresh` first", file=sys.stderr)
        return 1
    for file, rows, as_of in written:
        print(f"{file}  {rows} rows  as_of {as_of or 'unknown'}")
    print(f"videorace export: {len(written)} {fmt} files in {out_dir}")
    return 0
