"""Running the SQL in warehouse/: DDL, staging views, marts. SQL stays in files; this module only
finds, orders and executes them, inside transactions so a crash leaves the last good state."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from .config import SQL_DIR

# `-- requires: schema.table(col, col)` lines in a SQL file name what it reads, so a query over
# tables another family has not built yet can be skipped with a reason instead of failing.
REQUIRES = re.compile(r"^--\s*requires:\s*(\w+)\.(\w+)\(([^)]*)\)", re.MULTILINE)


def sql_text(relative: str) -> str:
    path = (SQL_DIR / relative).resolve()
    if SQL_DIR.resolve() not in path.parents:
        raise ValueError(f"SQL path outside warehouse/: {relative}")
    return path.read_text(encoding="utf-8")


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    else:
        con.execute("COMMIT")


def ensure_base_tables(con: duckdb.DuckDBPyConnection) -> None:
    for path in sorted((SQL_DIR / "ddl").glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))


def ensure_table(con: duckdb.DuckDBPyConnection, layer: str, table: str) -> None:
    ensure_base_tables(con)
    con.execute(sql_text(f"{layer}/{table}.sql"))


def build_model(con: duckdb.DuckDBPyConnection, layer: str, name: str, keys: tuple[str, ...] = ()) -> int:
    """Create or replace one staging view / mart table from warehouse/<layer>/<name>.sql (a
    SELECT), in one transaction. A mart or out table loses its impossible rows (and rows whose
    `keys` are not unique) to marts.fct_row_rejects in that same transaction. Returns the row count."""
    from .defs.ops.quarantine import quarantine  # lazily: the defs package imports this module

    select = sql_text(f"{layer}/{name}.sql")
    kind = "VIEW" if layer == "stg" else "TABLE"
    with transaction(con):
        con.execute(f"CREATE OR REPLACE {kind} {layer}.{name} AS\n{select}")
        if kind == "TABLE":
            quarantine(con, f"{layer}.{name}", keys)
    return con.execute(f"SELECT count(*) FROM {layer}.{name}").fetchall()[0][0]


def table_exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
            [schema, table],
        ).fetchall()[0][0]
    )


def models_in(layer: str) -> list[str]:
    return sorted(p.stem for p in Path(SQL_DIR / layer).glob("*.sql"))


def missing_requirements(con: duckdb.DuckDBPyConnection, sql: str) -> list[str]:
    """The tables and columns a SQL file's `-- requires:` lines name that the warehouse lacks."""
    missing = []
    for schema, table, columns in REQUIRES.findall(sql):
        if not table_exists(con, schema, table):
            missing.append(f"{schema}.{table}")
            continue
        have = {r[0] for r in con.execute(f'DESCRIBE "{schema}"."{table}"').fetchall()}
        missing += [f"{schema}.{table}.{c}" for c in (c.strip() for c in columns.split(",")) if c and c not in have]
    return missing
