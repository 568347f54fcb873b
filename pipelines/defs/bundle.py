"""Turn a family's assets and checks into Definitions: the checks run together in one step."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager

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


def checks_definition(name: str, checks: list[Check]) -> dg.AssetChecksDefinition:
    by_key = {check.key: check for check in checks}

    @dg.multi_asset_check(
        name=name,
        specs=[dg.AssetCheckSpec(c.name, asset=c.asset, description=c.description, blocking=False) for c in checks],
        can_subset=True,
        pool=WAREHOUSE_WRITER_POOL,
        op_tags=WAREHOUSE_WRITER_TAG,
        description=f"{len(checks)} data-quality checks evaluated in one step",
    )
    def _run(context: dg.AssetCheckExecutionContext, duckdb: DuckDBResource):
        with warehouse_connection(duckdb) as con:
            for key in sorted(context.selected_asset_check_keys, key=lambda k: k.to_user_string()):
                check = by_key[key]
                try:
                    passed, metadata = check.evaluate(con)
                except Exception as exc:  # a broken check is reported as a failed check, not a crashed run
                    passed, metadata = False, {"error": f"{type(exc).__name__}: {exc}"[:500]}
                yield dg.AssetCheckResult(
                    asset_key=check.asset,
                    check_name=check.name,
                    passed=passed,
                    severity=check.severity,
                    metadata=metadata,
                )

    return _run


def definitions(*objects, name: str | None = None) -> dg.Definitions:
    """Assets (and any ready-made check definitions) pass through; `Check`s are bundled into one
    multi-asset check named after the calling family package (e.g. `leaderboards_checks`)."""
    from .sql_assets import SqlModel, sql_layer_assets

    checks = [o for o in objects if isinstance(o, Check)]
    ready = [o for o in objects if isinstance(o, dg.AssetChecksDefinition)]
    models = [o for o in objects if isinstance(o, SqlModel)]
    assets = [o for o in objects if not isinstance(o, (Check, dg.AssetChecksDefinition, SqlModel))]
    family = name or sys._getframe(1).f_globals["__name__"].rsplit(".", 1)[-1]
    layers: dict[str, list] = {}
    for model in models:  # one step per family and layer; each table keeps its own asset key
        layers.setdefault(model.layer, []).append(model)
    assets += [sql_layer_assets(f"{family}_{layer}_models", members) for layer, members in layers.items()]
    if checks:
        ready.append(checks_definition(f"{family}_checks", checks))
    return dg.Definitions(assets=assets, asset_checks=ready)
