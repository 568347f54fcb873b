"""Dagster's own floor for the refresh job, measured in the same bench run: the job's very steps,
asset specs and check specs (from `pipelines.definitions`), every body replaced by nothing but its
results (each selected asset a MaterializeResult with metadata of the real kinds and size, each
check passed), executed in process on an ephemeral instance like `videorace refresh`, imports
included. A forced refresh minus this figure is what our own work (SQL, parsing, the site) costs
inside the orchestrator; this figure is what the orchestrator costs for this graph."""

import time

STARTED = time.monotonic()

import dagster as dg  # noqa: E402  (timed from the first import, like a refresh process)

PREVIEW = "| a | b | c |\n|---|---|---|\n" + "| text | 1.0 | 2026-10-10 |\n" * 5  # the size of a real preview


def _results(specs: list[dg.AssetSpec], checks: list[dg.AssetCheckSpec], context):
    selected_checks = context.selected_asset_check_keys
    for spec in specs:
        if spec.key in context.selected_asset_keys:
            meta = {"row_count": dg.MetadataValue.int(1), "date_max": dg.MetadataValue.text("2026-10-10")}
            yield dg.MaterializeResult(asset_key=spec.key, metadata={**meta, "preview": dg.MetadataValue.md(PREVIEW)})
        for check in checks:
            if check.asset_key == spec.key and check.key in selected_checks:
                yield dg.AssetCheckResult(asset_key=check.asset_key, check_name=check.name, passed=True)


def _stand_in(assets: dg.AssetsDefinition) -> dg.AssetsDefinition:
    specs, checks = list(assets.specs), list(assets.check_specs)

    @dg.multi_asset(name=assets.node_def.name, specs=specs, check_specs=checks, can_subset=True)
    def _nothing(context: dg.AssetExecutionContext):
        yield from _results(specs, checks, context)

    return _nothing


def _check_stand_in(checks_def: dg.AssetChecksDefinition) -> dg.AssetChecksDefinition:
    checks = list(checks_def.check_specs)

    @dg.multi_asset_check(name=checks_def.node_def.name, specs=checks, can_subset=True)
    def _nothing(context: dg.AssetCheckExecutionContext):
        for check in checks:
            if check.key in context.selected_asset_check_keys:
                yield dg.AssetCheckResult(asset_key=check.asset_key, check_name=check.name, passed=True)

    return _nothing


def stand_in_definitions() -> dg.Definitions:
    """The refresh job's graph (same asset keys, deps, check keys and step split), bodies emptied."""
    from pipelines import definitions

    real = definitions.defs
    graph = real.resolve_asset_graph()
    assets = [_stand_in(a) for a in graph.assets_defs if a.is_executable and a.keys]
    checks = [_check_stand_in(c) for c in real.asset_checks or [] if isinstance(c, dg.AssetChecksDefinition)]
    job = dg.define_asset_job("floor", selection=dg.AssetSelection.all())
    return dg.Definitions(assets=assets, asset_checks=checks, jobs=[job])


def dagster_floor() -> tuple[float, int, int, int]:
    """Seconds from the first import to the end of the run, and the run's assets, checks and steps."""
    defs = stand_in_definitions()
    with dg.DagsterInstance.ephemeral() as instance:
        result = defs.resolve_job_def("floor").execute_in_process(
            instance=instance, run_config={"loggers": {"console": {"config": {"log_level": "ERROR"}}}}
        )
    events = result.all_events
    steps = sum(e.event_type_value == "STEP_SUCCESS" for e in events)
    materialized = sum(e.event_type_value == "ASSET_MATERIALIZATION" for e in events)
    evaluated = sum(e.event_type_value == "ASSET_CHECK_EVALUATION" for e in events)
    return time.monotonic() - STARTED, materialized, evaluated, steps


if __name__ == "__main__":
    seconds, materialized, evaluated, steps = dagster_floor()
    print(f"{seconds:.3f} {materialized} {evaluated} {steps}")
