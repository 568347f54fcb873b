"""Assets for SQL models in warehouse/<layer>/<name>.sql; the file's header comment is the
description, the SQL is the whole transform, and the tables the SQL reads are the asset's upstream
assets (parsed by DuckDB, `warehouse.tables_read`): nothing lists dependencies by hand.

`sql_model` declares one model; `definitions` (bundle.py) materialises every family's models of one
layer in one step: a subsettable multi-asset in which every table keeps its own asset key, family
group, description, metadata and checks, built in dependency order. Dagster's cost is per step
(in the cluster profile a process start each), so ~110 models in four steps."""

from dataclasses import dataclass, replace
from functools import partial

import dagster as dg
from dagster_duckdb import DuckDBResource

from ..resources import WAREHOUSE_WRITER_POOL, WAREHOUSE_WRITER_TAG
from ..warehouse import build_model, other_kind_relations, sql_text, tables_read
from .ahead import in_order
from .bundle import check_results, check_spec, warehouse_connection
from .checks import Check, key_checks
from .metadata import table_metadata


def header_comment(layer: str, name: str) -> str:
    lines = []
    for line in sql_text(f"{layer}/{name}.sql").splitlines():
        if not line.startswith("--"):
            break
        lines.append(line[2:].strip())
    return " ".join(lines).strip() or f"{layer}.{name}"


# Tables an asset writes beside its own (not assets themselves): a reader depends on that asset.
WRITTEN_BY = {"marts.change_refreshes": "fct_changes"}


def table_key(schema: str, table: str) -> dg.AssetKey:
    """The asset that builds `schema.table`: every warehouse table is the asset of its own name."""
    return dg.AssetKey(WRITTEN_BY.get(f"{schema}.{table}", table))


def upstream_keys(*sqls: str) -> list[dg.AssetKey]:
    """The asset keys of the tables these SELECTs read, in name order."""
    return sorted(
        {table_key(schema, table) for sql in sqls for schema, table in tables_read(sql)},
        key=lambda k: k.to_user_string(),
    )


@dataclass(frozen=True)
class SqlModel:
    """One SQL model, declared; turned into an asset spec of its family's layer step."""

    layer: str
    name: str
    date_column: str | None = None
    keys: tuple = ()  # the table's key: duplicates are quarantined with impossible rows when built
    group: str = ""  # the family folder; set by bundle.definitions(family, ...)

    @property
    def key(self) -> dg.AssetKey:
        return dg.AssetKey(self.name)

    @property
    def deps(self) -> list[dg.AssetKey]:
        return upstream_keys(sql_text(f"{self.layer}/{self.name}.sql"))

    def in_group(self, group: str) -> "SqlModel":
        return replace(self, group=group)

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


def sql_model(layer: str, name: str, *, keys: tuple[str, ...] = (), date_column: str | None = None) -> list:
    """warehouse/<layer>/<name>.sql as an asset (its upstreams read from the SQL), with unique and
    not-null checks on `keys`; `date_column` feeds the table's date-range metadata."""
    model = SqlModel(layer, name, date_column, tuple(keys))
    return [model, *(key_checks(name, f"{layer}.{name}", keys) if keys else [])]


def _in_dependency_order(models: list[SqlModel]) -> list[SqlModel]:
    by_key = {m.key: m for m in models}
    done: set = set()
    ordered: list[SqlModel] = []

    def visit(model: SqlModel) -> None:
        if model.key in done:
            return
        done.add(model.key)
        for key in model.deps:
            if key in by_key:
                visit(by_key[key])
        ordered.append(model)

    for model in sorted(models, key=lambda m: m.name):
        visit(model)
    return ordered


@dataclass(frozen=True)
class SqlLayer:
    """The models of one layer (of one family or all): one step, any subset of them, each model's checks
    evaluated right after it is built (bundle.Buildable)."""

    name: str
    models: tuple[SqlModel, ...]

    @property
    def keys(self) -> frozenset[dg.AssetKey]:
        return frozenset(m.key for m in self.models)

    def build(self, checks: list[Check]) -> dg.AssetsDefinition:
        return sql_layer_assets(self.name, list(self.models), checks)


def sql_layer_assets(name: str, models: list[SqlModel], checks: list[Check]) -> dg.AssetsDefinition:
    """One step for the models of one layer; any subset of them can run."""
    ordered = _in_dependency_order(models)

    @dg.multi_asset(
        name=name,
        specs=[m.spec() for m in ordered],
        check_specs=[check_spec(c) for c in checks],
        can_subset=True,
        pool=WAREHOUSE_WRITER_POOL,
        op_tags=WAREHOUSE_WRITER_TAG,
        description=f"{len(ordered)} SQL models built in one step, in dependency order, each with its checks",
    )
    def _build(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
        selected = context.selected_asset_check_keys
        with warehouse_connection(duckdb) as con:
            other_kind = other_kind_relations(con)  # once for the step, not once per model
            jobs = [
                partial(_model_results, model, [c for c in checks if c.asset == model.name], selected, other_kind)
                for model in ordered
                if model.key in context.selected_asset_keys
            ]
            for results in in_order(con, jobs):  # the next model builds while these events are stored
                yield from results

    return _build


def _model_results(model: SqlModel, checks: list[Check], selected_checks, other_kind, con) -> list:
    """Build one model and evaluate its checks: its materialisation and its check results."""
    build_model(con, model.layer, model.name, model.keys, other_kind)
    meta = table_metadata(con, f"{model.layer}.{model.name}", model.date_column)
    return [dg.MaterializeResult(asset_key=model.key, metadata=meta), *check_results(con, checks, selected_checks)]
