"""Turn the families' assets and checks into Definitions: every asset is in its family's group (the
folder it lives in), every family's SQL models of one layer share one step, and each check runs in
the step that builds its asset, so a refresh has about one step per source and per SQL layer, not
one per table or check."""

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Protocol, runtime_checkable

import dagster as dg
from dagster_duckdb import DuckDBResource

from ..resources import WAREHOUSE_WRITER_POOL, WAREHOUSE_WRITER_TAG
from .ahead import in_order
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


def _selected(checks: list[Check], selected: AbstractSet[dg.AssetCheckKey]) -> list[Check]:
    return [c for c in sorted(checks, key=lambda c: c.key.to_user_string()) if c.key in selected]


def check_result(check: Check, con) -> dg.AssetCheckResult:
    """`check` evaluated on `con`; a broken check is a failed check, not a crashed run."""
    try:
        passed, metadata = check.evaluate(con)
    except Exception as exc:  # noqa: BLE001
        passed, metadata = False, {"error": f"{type(exc).__name__}: {exc}"[:500]}
    return dg.AssetCheckResult(
        asset_key=check.asset, check_name=check.name, passed=passed, severity=check.severity, metadata=metadata
    )


def check_results(con, checks: list[Check], selected: AbstractSet[dg.AssetCheckKey]) -> Iterator[dg.AssetCheckResult]:
    """The selected `checks`, evaluated on `con`, in key order."""
    for check in _selected(checks, selected):
        yield check_result(check, con)


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
        jobs = [partial(check_result, c) for c in _selected(checks, context.selected_asset_check_keys)]
        with warehouse_connection(duckdb) as con:
            yield from in_order(con, jobs)  # the next check runs while this result is stored

    return _run


@runtime_checkable
class Buildable(Protocol):
    """A declaration that becomes one multi-asset once the checks on its keys are known, so those
    checks are evaluated in the step that materialises their asset (no step per check)."""

    @property
    def keys(self) -> frozenset[dg.AssetKey]: ...

    def build(self, checks: list[Check]) -> dg.AssetsDefinition: ...


@dataclass(frozen=True)
class Family:
    """What one pipelines/defs/<family>/ package declares: assets, SQL models, buildables and
    checks. `definitions(*families)` turns families into Dagster definitions together."""

    name: str  # the package's last part: the Dagster group of everything it declares
    objects: tuple

    @property
    def keys(self) -> set[dg.AssetKey]:
        from .sql_assets import SqlModel

        keys: set[dg.AssetKey] = set()
        for o in self.objects:
            if isinstance(o, SqlModel):
                keys.add(o.key)
            elif isinstance(o, Buildable):
                keys |= o.keys
            elif isinstance(o, dg.AssetsDefinition):
                keys |= set(o.keys)
        return keys


def family(package: str, *objects) -> Family:
    """A family's declarations; `package` is the family module's `__name__` (`pipelines.defs.<family>`)."""
    return Family(package.rsplit(".", 1)[-1], objects)


def definitions(*families: Family) -> dg.Definitions:
    """Definitions for `families`. Every asset is in its family's group. Every family's SQL models
    of one layer share ONE step (a subsettable multi-asset; each table keeps its own key, group,
    metadata and checks): Dagster's cost is per step, and a layer reads only the layers before it,
    so a layer step never waits on another family's step of the same layer (when a model does read
    across, Dagster splits the step itself). `Buildable`s are one step each. A `Check` runs in the
    step that builds its asset when that step is built here, else (its asset is another family's,
    or a plain asset) in one multi-asset check per family, `<family>_checks`."""
    from .sql_assets import SqlLayer, SqlModel

    layers: dict[str, list[SqlModel]] = {}
    units: list[tuple[str | None, Buildable]] = []
    plain: list[tuple[str, dg.AssetsDefinition]] = []
    checks: list[tuple[str, Check]] = []
    ready: list[dg.AssetChecksDefinition] = []
    for fam in families:
        for o in fam.objects:
            if isinstance(o, Check):
                checks.append((fam.name, o))
            elif isinstance(o, dg.AssetChecksDefinition):
                ready.append(o)
            elif isinstance(o, SqlModel):
                layers.setdefault(o.layer, []).append(o.in_group(fam.name))
            elif isinstance(o, Buildable):
                units.append((fam.name, o))
            else:
                plain.append((fam.name, o))
    prefix = f"{families[0].name}_" if len(families) == 1 else ""
    units += [(None, SqlLayer(f"{prefix}{layer}_models", tuple(members))) for layer, members in layers.items()]
    assets: list = []
    for group, unit in units:
        built = unit.build([c for _, c in checks if c.key.asset_key in unit.keys])
        assets += [built] if group is None else _in_group(group, [built])
    for group, asset in plain:
        assets += _in_group(group, [asset])
    built_keys = {key for _, unit in units for key in unit.keys}
    for fam in families:
        rest = [c for name, c in checks if name == fam.name and c.key.asset_key not in built_keys]
        if rest:
            ready.append(checks_definition(f"{fam.name}_checks", rest))
    return dg.Definitions(assets=assets, asset_checks=ready)


def _in_group(group: str, assets: list) -> list:
    return list(dg.map_asset_specs(lambda spec: spec.replace_attributes(group_name=group), assets))
