"""Plain helpers and constants shared by the tests (no fixtures here: those live in conftest.py, which
pytest loads itself and no test imports). Nothing here touches the internet."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from unittest.mock import patch

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
REFERENCE = SHARED_DATA / "reference"
RECORDINGS = PROJECT_ROOT / "scrapers" / "recordings"
FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
SYNTHETIC = FIXTURES / "synthetic"

# A throwaway Dagster home keeps its event log in memory: a CLI refresh in a test writes thousands of
# events that nobody reads afterwards, and the on-disk SQLite log (one fsync'd commit per event) was
# most of the wall time of each CLI refresh. TEST_DAGSTER_YAML_ON_DISK keeps the default storage.
DAGSTER_YAML = """telemetry:
  enabled: false
"""
DAGSTER_YAML_IN_MEMORY = (
    DAGSTER_YAML
    + """event_log_storage:
  module: dagster._core.storage.event_log
  class: InMemoryEventLogStorage
"""
)


def reference_path(*parts: str) -> Path:
    """A file under ../shared/data/reference (never committed): skip when that folder is absent."""
    path = REFERENCE.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/data/reference absent ({path} not found): reference files are read, never committed")
    return path


def pipeline_env(tmp: Path, mode: str = "replay", **extra: str) -> dict[str, str]:
    """The environment of a throwaway run: warehouse, snapshots, site and Dagster home under `tmp`."""
    env = {
        "VIDEORACE_MODE": mode,
        "VIDEORACE_WAREHOUSE": str(tmp / "videorace.duckdb"),
        "VIDEORACE_SNAPSHOT_DIR": str(tmp / "snapshots"),
        "VIDEORACE_SITE_DIR": str(tmp / "site"),
        "DAGSTER_HOME": str(tmp / "dagster_home"),
    }
    env.update(extra)
    (tmp / "dagster_home").mkdir(parents=True, exist_ok=True)
    on_disk = os.environ.get("TEST_DAGSTER_YAML_ON_DISK")
    (tmp / "dagster_home" / "dagster.yaml").write_text(DAGSTER_YAML if on_disk else DAGSTER_YAML_IN_MEMORY)
    return env


def run_pipeline(tmp: Path, select: list[str] | None = None, mode: str = "replay", **extra: str):
    """Materialise the whole graph (or the sources in `select` and everything downstream of them)
    in-process into a temporary warehouse."""
    import dagster as dg

    from pipelines.config import load_settings
    from pipelines.definitions import build_definitions
    from pipelines.refresh import _selection
    from pipelines.resources import build_resources

    # the settings are read from the environment: set for this run, restored after
    with patch.dict(os.environ, pipeline_env(tmp, mode, **extra)):
        defs = build_definitions(build_resources(load_settings()))
        job = defs.resolve_job_def("refresh_all")
        return job.execute_in_process(
            instance=dg.DagsterInstance.ephemeral(),
            raise_on_error=False,
            asset_selection=_selection(defs, select or []),
        )


def step_failures(result) -> list[str]:
    return [e.message for e in result.all_events if e.event_type_value == "STEP_FAILURE"]


def copy_warehouse(replay_warehouse: Path, tmp: Path) -> Path:
    """A private copy of the session's replayed warehouse (the previous good state)."""
    tmp.mkdir(parents=True, exist_ok=True)
    target = tmp / "videorace.duckdb"
    shutil.copyfile(replay_warehouse / "videorace.duckdb", target)
    return target


def table_counts(
    path: Path, skip: tuple[str, ...] = ("raw.source_runs", "raw.snapshots", "raw.snapshot_rejects")
) -> dict:
    """Rows per raw/marts/out table (the run logs left out)."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = con.execute("""SELECT table_schema || '.' || table_name FROM information_schema.tables
                                WHERE table_schema IN ('raw', 'marts', 'out') ORDER BY 1""").fetchall()
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for (t,) in tables if t not in skip}
    finally:
        con.close()


def tiny_recordings(tmp: Path, keep: dict[str, tuple[str, ...]]) -> Path:
    """A copy of the committed recordings in which each source named in `keep` lists only the
    manifest rows whose file starts with one of its prefixes (real bytes, fewer of them)."""
    import csv

    root = tmp / "recordings"
    shutil.copytree(RECORDINGS, root)
    for source, prefixes in keep.items():
        manifest = root / source / "manifest.csv"
        with manifest.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            header, rows = reader.fieldnames, [r for r in reader if r["file"].startswith(prefixes)]
        assert rows, f"{source}: no recording starts with {prefixes}"
        with manifest.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=header or [])
            writer.writeheader()
            writer.writerows(rows)
    return root


def materialize_family(tmp: Path, group: str | tuple[str, ...], recordings: Path | None = None):
    """Materialise one family (a Dagster asset group) and only what it reads, in-process, into an
    empty warehouse under `tmp`: a break in that family fails its own test before the full replay's."""
    import dagster as dg

    from pipelines.config import load_settings
    from pipelines.definitions import build_definitions
    from pipelines.resources import build_resources

    extra = {"VIDEORACE_RECORDINGS_DIR": str(recordings)} if recordings else {}
    with patch.dict(os.environ, pipeline_env(tmp, "replay", **extra)):
        defs = build_definitions(build_resources(load_settings()))
        groups = (group,) if isinstance(group, str) else group
        selection = dg.AssetSelection.groups(*groups).upstream().resolve(defs.resolve_asset_graph())
        result = defs.resolve_job_def("refresh_all").execute_in_process(
            instance=dg.DagsterInstance.ephemeral(), raise_on_error=False, asset_selection=sorted(selection)
        )
    assert result.success, step_failures(result)
    return result


def query(path: Path, sql: str, params=()) -> list[tuple]:
    """Rows of one read-only query against the warehouse file at `path`."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()
