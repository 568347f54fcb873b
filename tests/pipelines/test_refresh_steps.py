"""A refresh costs about two Dagster steps per source (fetch, load) and one per SQL layer: every
family's models of a layer share a step, and each asset check is evaluated in the step that builds
its asset, not in a step of its own (issue 8.6)."""

from __future__ import annotations

import dagster as dg
from dagster._core.execution.api import create_execution_plan

from pipelines.definitions import defs


def _plan_outputs() -> tuple[int, dict[dg.AssetKey, str], dict[dg.AssetCheckKey, str]]:
    plan = create_execution_plan(defs.resolve_job_def("refresh_all"))
    assets, checks = {}, {}
    for step in plan.steps:
        for output in step.step_outputs:
            if output.properties.asset_key:
                assets[output.properties.asset_key] = step.key
            if output.properties.asset_check_key:
                checks[output.properties.asset_check_key] = step.key
    return len(plan.steps), assets, checks


def test_every_check_runs_in_its_assets_step_unless_it_watches_another_package():
    steps, assets, checks = _plan_outputs()
    apart = {key: step for key, step in checks.items() if step != assets[key.asset_key]}
    # ops watches every family's tables; fct_changes and fct_claim_verdicts are plain assets
    assert {step.rsplit("_checks", 1)[0] for step in apart.values()} == {"ops", "outputs", "claims"}
    # one keys_valid check per keyed table (unique and not NULL: 313 checks when they were two)
    assert len(checks) == 210 and len(assets) == 183  # 44 staging views among the assets
    assert len(checks) - len(apart) >= 140  # the rest ride along with the step that builds their asset
    # was 136 for 118 assets and 276 checks; 91 with a step per family and SQL layer: now a fetch
    # and a load step per source (40), one step per SQL layer for every family (stg, int, marts,
    # out), the curated files, claims, changes, the site and three checks steps
    assert steps == 51, steps
    layer_steps = sorted(
        {s for s in assets.values() if s.endswith("_models") and not s.startswith(("fetch_", "load_"))}
    )
    assert layer_steps == ["int_models", "marts_models", "out_models", "stg_models"]


def test_a_source_is_fetched_in_one_step_and_loaded_with_its_checks_in_the_next():
    _, assets, checks = _plan_outputs()
    assert assets[dg.AssetKey("snapshots_leaderboards__arena")] == "fetch_arena"
    step = assets[dg.AssetKey("raw_leaderboards__arena")]
    assert step == "load_arena"
    assert {k.name for k, s in checks.items() if s == step} == {"keys_valid", "last_load_ok"}
    assert not [k for k, s in checks.items() if s.startswith("fetch_")]  # a check would open the warehouse
