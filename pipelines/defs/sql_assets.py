"""Assets for SQL models in warehouse/<layer>/<name>.sql; the file's header comment is the
description, and the SQL is the whole transform.

`sql_model` declares one model; `definitions` (bundle.py) materialises a family's models of one
layer in one step: a subsettable multi-asset in which every table keeps its own asset key,
description, metadata and checks, built in dependency order. Dagster's cost is per step, so ~40
models in a dozen steps instead of ~40."""

from dataclasses import dataclass

import dagster as dg
from dagster_duckdb import DuckDBResource

from ..resources import WAREHOUSE_WRITER_POOL, WAREHOUSE_WRITER_TAG
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


@dataclass(frozen=True)
class SqlModel:
    """One SQL model, declared; turned into an asset spec of its family's layer step."""

    layer: str
    name: str
    deps: tuple
    group: str
    date_column: str | None = None
    keys: tuple = ()  # the table's key: duplicates are quarantined with impossible rows when built

    @property
    def key(self) -> dg.AssetKey:
        return dg.AssetKey(self.name)

    def spec(self) -> dg.AssetSpec:
        return dg.AssetSpec(
            self.key,
            deps=self.deps,
            group_name=self.group,
            kinds={"duckdb", "sql"},
            tags={"layer": self.layer},
            description=header_comment(self.layer, self.name),
            skippable=True,
        )


def sql_model(
    layer: str, name: str, *, deps: list, group: str, keys: tuple[str, ...] = (), date_column: str | None = None
) -> list:
    model = SqlModel(layer, name, tuple(deps), group, date_column, tuple(keys))
    return [model, *(key_checks(name, f"{layer}.{name}", keys) if keys else [])]


def _in_dependency_order(models: list[SqlModel]) -> list[SqlModel]:
    by_key = {m.key: m for m in models}
    done: set = set()
    ordered: list[SqlModel] = []

    def visit(model: SqlModel) -> None:
        if model.key in done:
            return
        done.add(model.key)
        for dep in model.deps:
            key = dep if isinstance(dep, dg.AssetKey) else dg.AssetKey(dep) if isinstance(dep, str) else None
            if key in by_key:
                visit(by_key[key])
        ordered.append(model)

    for model in sorted(models, key=lambda m: m.name):
        visit(model)
    return ordered


def sql_layer_assets(name: str, models: list[SqlModel]) -> dg.AssetsDefinition:
    """One step for models of one family and layer; any subset of them can run."""
    ordered = _in_dependency_order(models)

    @dg.multi_asset(
        name=name,
        specs=[m.spec() for m in ordered],
        can_subset=True,
        pool=WAREHOUSE_WRITER_POOL,
        op_tags=WAREHOUSE_WRITER_TAG,
        description=f"{len(ordered)} SQL models built in one step, in dependency order",
    )
    def _build(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
        selected = context.selected_asset_keys
        with warehouse_connection(duckdb) as con:
            for model in ordered:
                if model.key not in selected:
                    continue
                build_model(con, model.layer, model.name, model.keys)
                meta = table_metadata(con, f"{model.layer}.{model.name}", model.date_column)
                yield dg.MaterializeResult(asset_key=model.key, metadata=meta)

    return _build
