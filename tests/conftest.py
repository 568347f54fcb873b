"""Shared fixtures. Nothing here touches the internet: live-mode tests use loopback servers. Plain
helpers (paths, pipeline_env, run_pipeline, table_counts) are in tests/support.py: import them from
there, never from a conftest."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .support import run_pipeline, step_failures


@pytest.hookimpl(optionalhook=True)  # optional: `-p no:xdist` runs without the hook's plugin
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadscope` hands out the slowest modules first (tests/xdist_order.py)."""
    if config.getvalue("dist") != "loadscope":
        return None
    from .xdist_order import make_scheduler

    return make_scheduler(config, log)


@pytest.fixture(scope="session")
def replay_warehouse(tmp_path_factory) -> Path:
    """One full replay refresh shared by the read-only tests; returns its folder. Under pytest-xdist
    the first worker to need it builds it under a file lock in the run's shared temporary folder and
    the others wait and read the same folder (tests only read it, or copy it first), so a run pays
    for one refresh, not one per worker."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):  # not distributed (-n 0 or -p no:xdist)
        return _build_replay(tmp_path_factory.mktemp("replay"))
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp().parent  # pytest-N/, the parent of every worker's popen-gwK/
    with FileLock(str(shared / "replay.lock")):
        tmp = shared / "replay"
        if not (tmp / ".built").exists():
            shutil.rmtree(tmp, ignore_errors=True)  # a build that failed on another worker
            _build_replay(tmp)
            (tmp / ".built").touch()
    return tmp


def _build_replay(tmp: Path) -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    result = run_pipeline(tmp)
    assert result.success, step_failures(result)
    return tmp


@pytest.fixture
def warehouse_con(replay_warehouse):
    import duckdb

    con = duckdb.connect(str(replay_warehouse / "videorace.duckdb"), read_only=True)
    yield con
    con.close()


# Names that branches written before tests/support.py still import from here (`from ..conftest import
# RECORDINGS`); new tests import tests.support. Remove once no test file imports a conftest.
from .support import PROJECT_ROOT, RECORDINGS, pipeline_env, reference_path  # noqa: E402, F401
