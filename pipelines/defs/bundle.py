"""Turn a family's assets and checks into Definitions: every asset is in the family's group (the
folder it lives in), and each check runs in the step that builds its asset, so a refresh has about
one step per family and layer, not one per check."""

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from typing import Protocol, runtime_checkable

import dagster as dg
from dagster_duckdb import DuckDBResource

from ..resources import WAREHOUSE_WRITER_POOL, WAREHOUSE_WRITER_TAG
from .checks import Check


@contextmanager
def warehouse_connection(resource: DuckDBResource) -> Iterator:
    """The resource's connection, closed even when the step raises: dagster-duckdb closes it only
    on success, and a connection left open makes every later connect in this process fail with
    "different configuration"."""
    with resource.get_connection() as con:
        try:
            yield con
        finally:
            con.close()


def check_spec(check: Check) -> dg.AssetCheckSpec:
    # not blocking in Dagster's sense: the ERROR gate is the site step's (checks.require_open_gate)
    return dg.AssetCheckSpec(check.name, asset=check.asset, description=check.description, blocking=False)


def check_results(con, checks: list[Check], selected: AbstractSet[dg.AssetCheckKey]) -> Iterator[dg.AssetCheckResult]:
    """The selected `checks`, evaluated on `con`, in key order; a broken check is a failed check."""
    for check in sorted(checks, key=lambda c: c.key.to_user_string()):
        if check.key not in selected:
            continue
        try:
            passed, metadata = check.evaluate(con)
        except Exception as exc:  # a broken check is reported as a failed check, not a crashed run
            passed, metadata = False, {"error": f"{type(exc).__name__}: {exc}"[:500]}
        yield dg.AssetCheckResult(
            asset_key=check.asset, check_name=check.name, passed=passed, severity=check.severity, metadata=metadata
        )


def checks_definition(name: str, checks: list[Check]) -> dg.AssetChecksDefinition:
    """Checks on assets defined elsewhere (the ops package's) in one multi-asset check."""

    @dg.multi_asset_check(
        name=name,
        specs=[check_spec(c) for c in checks],
        can_subset=True,
        pool=WAREHOUSE_WRITER_POOL,
        op_tags=WAREHOUSE_WRITER_TAG,
        description=f"{len(checks)} data-quality checks evaluated in one step",
    )
    def _run(context: dg.AssetCheckExecutionContext, duckdb: DuckDBResource):
        with warehouse_connection(duckdb) as con:
            yield from check_results(con, checks, context.selected_asset_check_keys)

    return _run


@runtime_checkable
class Buildable(Protocol):
    """A declaration that becomes one multi-asset once the checks on its keys are known, so those
    checks are evaluated in the step that materialises their asset (no step per check)."""

    @property
    def keys(self) -> frozenset[dg.AssetKey]: ...

    def build(self, checks: list[Check]) -> dg.AssetsDefinition: ...


def definitions(package: str, *objects) -> dg.Definitions:
    """A family's Definitions; `package` is the family module's `__name__`
    (`pipelines.defs.<family>`), whose last part is the group of every asset in it. Assets pass
    through (regrouped), `SqlModel`s become one multi-asset per layer, `Buildable`s one each; a
    `Check` runs in the step of its asset when that step is built here, else (its asset is another
    package's, or a plain asset) in one multi-asset check named after the family."""
    from .sql_assets import SqlLayer, SqlModel

    checks = [o for o in objects if isinstance(o, Check)]
    ready = [o for o in objects if isinstance(o, dg.AssetChecksDefinition)]
    models = [o for o in objects if isinstance(o, SqlModel)]
    buildables: list[Buildable] = [o for o in objects if isinstance(o, Buildable)]
    assets = [o for o in objects if not isinstance(o, (Check, dg.AssetChecksDefinition, SqlModel, Buildable))]
    family = package.rsplit(".", 1)[-1]
    layers: dict[str, list] = {}
    for model in (
        m.in_group(family) for m in models
    ):  # one step per family and layer; each table keeps its own asset key
        layers.setdefault(model.layer, []).append(model)
    buildables += [SqlLayer(f"{family}_{layer}_models", tuple(members)) for layer, members in layers.items()]
    for unit in buildables:
        assets.append(unit.build([c for c in checks if c.key.asset_key in unit.keys]))
    built = {key for unit in buildables for key in unit.keys}
    rest = [c for c in checks if c.key.asset_key not in built]
    if rest:
        ready.append(checks_definition(f"{family}_checks", rest))
    assets = list(dg.map_asset_specs(lambda spec: spec.replace_attributes(group_name=family), assets))
    return dg.Definitions(assets=assets, asset_checks=ready)
