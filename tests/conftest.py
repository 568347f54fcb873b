"""Shared fixtures. Nothing here touches the internet: live-mode tests use loopback servers. Plain
helpers (paths, pipeline_env, run_pipeline, table_counts) are in tests/support.py: import them from
there, never from a conftest."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import run_pipeline, step_failures


@pytest.fixture(scope="session")
def replay_warehouse(tmp_path_factory) -> Path:
    """One full replay refresh shared by the read-only tests (one per xdist worker); returns its folder."""
    tmp = tmp_path_factory.mktemp("replay")
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
