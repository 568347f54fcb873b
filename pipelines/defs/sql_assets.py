"""Assets for SQL models in warehouse/<layer>/<name>.sql; the file's header comment is the
description, and the SQL is the whole transform."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from ..warehouse import build_model, sql_text
from .bundle import warehouse_connection
from .checks import key_checks
from .metadata import table_metadata


def header_comment(layer: str, name: str) -> str:
    lines = []
    for line in sql_text(f"{layer}/{name}.sql").splitlines():
        if not line.startswith("--"):
            break
        lines.append(line[2:].strip())
    return " ".join(lines).strip() or f"{layer}.{name}"


def sql_model(layer: str, name: str, *, deps: list, group: str, keys: tuple[str, ...] = (),
              date_column: str | None = None) -> list:
    @dg.asset(name=name, deps=deps, group_name=group, kinds={"duckdb", "sql"}, tags={"layer": layer},
              description=header_comment(layer, name))
    def model_asset(duckdb: DuckDBResource) -> dg.MaterializeResult:
        with warehouse_connection(duckdb) as con:
            build_model(con, layer, name)
            meta = table_metadata(con, f"{layer}.{name}", date_column)
        return dg.MaterializeResult(metadata=meta)

    return [model_asset, *(key_checks(name, f"{layer}.{name}", keys) if keys else [])]
