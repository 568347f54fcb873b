"""Fixtures for the operations tests (their plain inputs are in tests/ops/support.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import copy_warehouse


@pytest.fixture
def good_warehouse(replay_warehouse, tmp_path) -> Path:
    """A private copy of the session's replayed warehouse, in tmp_path (the previous good state)."""
    copy_warehouse(replay_warehouse, tmp_path)
    return tmp_path


# for branches written before tests/ops/support.py (`from .conftest import T2V`); new tests import support
from tests.ops.support import FAST_SCRAPY, I2V, T2V  # noqa: E402, F401
from tests.support import table_counts  # noqa: E402, F401
