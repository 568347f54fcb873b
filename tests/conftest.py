"""Shared fixtures. Nothing here touches the internet: live-mode tests use loopback servers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
REFERENCE = SHARED_DATA / "reference"
RECORDINGS = PROJECT_ROOT / "scrapers" / "recordings"


def reference_path(*parts: str) -> Path:
    """A file under ../shared/data/reference (never committed): skip when that folder is absent."""
    path = REFERENCE.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/data/reference absent ({path} not found): reference files are read, never committed")
    return path


def pipeline_env(tmp: Path, mode: str = "replay", **extra: str) -> dict[str, str]:
    env = {
        "VIDEORACE_MODE": mode,
        "VIDEORACE_WAREHOUSE": str(tmp / "videorace.duckdb"),
        "VIDEORACE_SNAPSHOT_DIR": str(tmp / "snapshots"),
        "VIDEORACE_SITE_DIR": str(tmp / "site"),
        "DAGSTER_HOME": str(tmp / "dagster_home"),
    }
    env.update(extra)
    (tmp / "dagster_home").mkdir(parents=True, exist_ok=True)
    (tmp / "dagster_home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    return env


def run_pipeline(tmp: Path, select: list[str] | None = None, mode: str = "replay", **extra: str):
    """Materialise the whole graph (or a selection) in-process into a temporary warehouse."""
    import dagster as dg

    from pipelines.config import load_settings
    from pipelines.definitions import build_definitions
    from pipelines.refresh import _selection
    from pipelines.resources import build_resources

    env = pipeline_env(tmp, mode, **extra)
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        defs = build_definitions(build_resources(load_settings()))
        job = defs.resolve_job_def("refresh_all")
        return job.execute_in_process(
            instance=dg.DagsterInstance.ephemeral(),
            raise_on_error=False,
            asset_selection=_selection(defs, select or []),
        )
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope="session")
def replay_warehouse(tmp_path_factory) -> Path:
    """One full replay refresh shared by the read-only tests; returns its folder."""
    tmp = tmp_path_factory.mktemp("replay")
    result = run_pipeline(tmp)
    assert result.success, [e.message for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    return tmp


@pytest.fixture
def warehouse_con(replay_warehouse):
    import duckdb

    con = duckdb.connect(str(replay_warehouse / "videorace.duckdb"), read_only=True)
    yield con
    con.close()
