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


@pytest.fixture(scope="module")
def crawl_pool(request, tmp_path_factory):
    """The module's crawls, started together (tests/ops/crawls.py): the module says what each test
    crawls with `crawl_for(test name, parameters, folder)`, a callable run in the pool."""
    from tests.ops.crawls import Crawls, collected, params

    plan = {
        item.nodeid: request.module.crawl_for(item.originalname, params(item), tmp_path_factory.mktemp("crawl"))
        for item in collected(request)
    }
    pool = Crawls(plan)
    yield pool
    pool.close()


@pytest.fixture
def crawled(crawl_pool, request):
    """This test's own crawl outcome from the module's pool (its exception, if any, raised here)."""
    return crawl_pool[request.node.nodeid]
