"""Opening the warehouse and running the SQL in warehouse/: DDL, staging views, marts. SQL stays in
files; this module only finds, orders and executes them, inside transactions so a crash leaves the
last good state.

Every command opens the warehouse here (`open_warehouse`; readers through `open_for_reading`), so a
lock or a corrupt file is one clear line, never an IOException traceback: who holds the lock (DuckDB
names the process and PID), or that the file is corrupt and how to rebuild it.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import duckdb

from .config import SQL_DIR

LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")
REBUILD_HINT = (
    "rebuild it from the committed recordings with `make clean && make run` "
    "(or move it and its .wal aside and run `videorace refresh`)"
)


class WarehouseUnavailable(RuntimeError):
    """The warehouse cannot be opened; the message is one line saying why and what to do."""


class WarehouseLocked(WarehouseUnavailable):
    pass


class WarehouseCorrupt(WarehouseUnavailable):
    pass


def lock_holder(message: str) -> str | None:
    """'PID 123 (/usr/bin/python3.11)' from DuckDB's lock error, or None when it is not a lock error."""
    match = LOCK_HOLDER.search(message)
    return f"PID {match['pid']} ({match['program']})" if match else None


def _explain(path: Path, exc: duckdb.Error, waited_s: float) -> WarehouseUnavailable:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    holder = lock_holder(text)
    if holder:
        return WarehouseLocked(
            f"warehouse {path} is locked by {holder}; waited {waited_s:.0f}s "
            "(VIDEORACE_LOCK_WAIT_S). Close that process (a notebook, the Dagster UI, "
            "another refresh) or try again when it finishes"
        )
    return WarehouseCorrupt(f"warehouse {path} is corrupt or unreadable ({text}); {REBUILD_HINT}")


def open_warehouse(
    path: Path, *, read_only: bool = False, wait_s: float = 0.0, poll_s: float = 0.5
) -> duckdb.DuckDBPyConnection:
    """Connect, waiting up to `wait_s` for another process's lock; a corrupt file fails at once
    (retrying cannot repair it). Raises WarehouseUnavailable with a one-line reason."""
    path = Path(path)
    if read_only and not path.exists():
        raise WarehouseUnavailable(f"no warehouse at {path}; run `make run` or `videorace refresh` first")
    started = time.monotonic()
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            con.execute("SELECT count(*) FROM information_schema.tables").fetchall()  # reads the catalog
            return con
        except duckdb.Error as exc:
            waited = time.monotonic() - started
            if lock_holder(str(exc)) and waited < wait_s:
                time.sleep(min(poll_s, wait_s - waited))  # the full wait, not a poll short of it
                continue
            raise _explain(path, exc, waited) from None


def open_for_reading(settings) -> duckdb.DuckDBPyConnection:
    """The one way `status`, `export` and `record` read the warehouse: read-only, waiting a bounded
    time for a lock. They open the published read-only copy (pipelines/publish.py) once a refresh has
    published one, so a running refresh never blocks them and they never see it half-done."""
    return open_warehouse(settings.reader_path, read_only=True, wait_s=settings.lock_wait_s)


def open_for_status(settings) -> duckdb.DuckDBPyConnection:
    """`videorace status` reports the latest outcome, a failed refresh's included: the writer's file
    when no refresh holds it, else the published copy (which a failed refresh does not replace)."""
    if settings.read_path is not None and settings.read_path.exists():
        try:
            return open_warehouse(settings.warehouse_path, read_only=True)
        except WarehouseLocked:
            pass
    return open_for_reading(settings)


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


@lru_cache(maxsize=1)
def _base_ddl() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted((SQL_DIR / "ddl").glob("*.sql")))


def ensure_base_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The schemas and bookkeeping tables (warehouse/ddl/*.sql, all `IF NOT EXISTS`): read once per
    process, run in one round trip; every step that writes calls it, so it must stay cheap."""
    con.execute(_base_ddl())


def ensure_table(con: duckdb.DuckDBPyConnection, layer: str, table: str) -> None:
    ensure_base_tables(con)
    con.execute(sql_text(f"{layer}/{table}.sql"))


# Staging views stay views (a rename and cast of their raw table, always current with it). The
# intermediate models are tables: each is read by several marts, and as a view its whole query (the
# model-family regexes, the FX joins) ran again for every reader and for its own metadata.
VIEW_LAYERS = ("stg",)
TABLE_LAYERS = ("int", "marts", "out")
QUARANTINED_LAYERS = ("marts", "out")  # impossible rows are held back from the published layers


def is_view(relation: str) -> bool:
    """'stg.x' are views built by `build_model`; raw, int, marts and out are tables."""
    return relation.split(".", 1)[0] in VIEW_LAYERS


def other_kind_relations(con: duckdb.DuckDBPyConnection) -> frozenset[tuple[str, str]]:
    """(schema, name) of every model relation that is of the other kind than its layer builds (a
    view in a table layer, or a table in a view layer): one query for a whole layer step."""
    rows = con.execute(
        """SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal AND list_contains($1, schema_name)
           UNION ALL SELECT schema_name, table_name FROM duckdb_tables() WHERE list_contains($2, schema_name)""",
        [list(TABLE_LAYERS), list(VIEW_LAYERS)],
    ).fetchall()
    return frozenset((schema, name) for schema, name in rows)


def build_model(
    con: duckdb.DuckDBPyConnection,
    layer: str,
    name: str,
    keys: tuple[str, ...] = (),
    other_kind: frozenset[tuple[str, str]] | None = None,
) -> None:
    """Create or replace one staging view / int, mart or out table from warehouse/<layer>/<name>.sql
    (a SELECT), in one transaction. A mart or out table loses its impossible rows (and rows whose
    `keys` are not unique) to marts.fct_row_rejects in that same transaction. Not counted here: the
    asset's metadata counts it, and counting a staging view runs its whole query. `other_kind`:
    `other_kind_relations(con)` when the caller builds several models (else asked here)."""
    from .defs.ops.quarantine import quarantine  # lazily: the defs package imports this module

    select = sql_text(f"{layer}/{name}.sql")
    kind = "VIEW" if layer in VIEW_LAYERS else "TABLE"
    if other_kind is None:
        other_kind = other_kind_relations(con)
    with transaction(con):
        # a warehouse built when this layer was of the other kind (int models were views): CREATE OR
        # REPLACE cannot turn one into the other, so the old relation goes first, in this transaction
        if (layer, name) in other_kind:
            con.execute(f"DROP {'TABLE' if kind == 'VIEW' else 'VIEW'} {layer}.{name}")
        con.execute(f"CREATE OR REPLACE {kind} {layer}.{name} AS\n{select}")
        if layer in QUARANTINED_LAYERS:
            quarantine(con, f"{layer}.{name}", keys)


def table_exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
            [schema, table],
        ).fetchall()[0][0]
    )


def models_in(layer: str) -> list[str]:
    return sorted(p.stem for p in Path(SQL_DIR / layer).glob("*.sql"))


# One in-memory DuckDB that only parses: json_serialize_sql needs a connection, not a warehouse.
_PARSER = duckdb.connect()


def _collect(tables: set[tuple[str, str]], ctes: set[str]):
    """A json object hook that notes every base-table reference and CTE name as the parse tree is
    decoded (json calls it once per object, in C order; no second walk over ~1,000 nodes a query)."""

    def hook(node: dict) -> dict:
        if node.get("type") == "BASE_TABLE" and "table_name" in node:
            tables.add((node.get("schema_name") or "", node["table_name"]))
        cte_map = node.get("cte_map")
        if isinstance(cte_map, dict):
            ctes.update(entry["key"] for entry in cte_map.get("map", []))
        return node

    return hook


@lru_cache(maxsize=512)
def tables_read(sql: str) -> frozenset[tuple[str, str]]:
    """The (schema, table) pairs a SELECT reads, from DuckDB's own parse tree (CTEs, subqueries,
    joins, ASOF, PIVOT all included); a name that is one of the query's CTEs is not a table. The
    warehouse SQL names every table with its schema, so an unqualified name that is not a CTE is an
    error here, not a guess."""
    tables: set[tuple[str, str]] = set()
    ctes: set[str] = set()
    text = _PARSER.execute("SELECT json_serialize_sql(?)", [sql]).fetchall()[0][0]
    parsed = json.loads(text, object_hook=_collect(tables, ctes))
    if parsed.get("error"):
        raise ValueError(f"not a SELECT DuckDB can parse: {parsed.get('error_message')}")
    unqualified = sorted(t for s, t in tables if not s and t not in ctes)
    if unqualified:
        raise ValueError(f"table(s) named without their schema: {', '.join(unqualified)}")
    return frozenset((s, t) for s, t in tables if s)


def missing_tables(con: duckdb.DuckDBPyConnection, sql: str) -> list[str]:
    """The tables a SELECT reads that the warehouse lacks ('schema.table'), in name order."""
    return [f"{s}.{t}" for s, t in sorted(tables_read(sql)) if not table_exists(con, s, t)]
