"""Run a module's Scrapy crawls side by side, then let each test assert on its own one.

A fault case spends most of its time waiting (retries, Retry-After, a server slower than the
timeout), so running them one after another left the machine idle. Every crawl is still one
`fetch_live`, i.e. one `scrapy crawl` subprocess against its own loopback stand-in, exactly as the
pipeline runs it; only the waiting overlaps. The pool starts the crawls of the tests that were
collected (`-k` and deselection respected) when the first of them asks, and each test takes its
own outcome (an exception is re-raised in the test that owns it, not in another). A worker sees
the whole collection, not its share: under `--dist loadscope` (make test) a module's tests all run
on one worker, so each crawl runs once; `--dist load` would repeat a module's crawls per worker."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import pytest

# at most this many spiders at once: each starts with ~1.3 s of CPU (Python, Scrapy, Twisted), and
# a timeout case must not be starved of CPU long enough to see its slow answer arrive in time
PARALLEL = int(os.environ.get("TEST_PARALLEL_CRAWLS", "3"))


class Crawls:
    def __init__(self, plan: dict[str, Callable[[], Any]]) -> None:
        self._pool = ThreadPoolExecutor(max_workers=max(1, PARALLEL), thread_name_prefix="crawl")
        self._futures: dict[str, Future] = {key: self._pool.submit(run) for key, run in plan.items()}

    def __getitem__(self, key: str) -> Any:
        return self._futures[key].result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def collected(request: pytest.FixtureRequest) -> Iterable[pytest.Function]:
    """Every collected test of the requesting fixture's module that uses that fixture."""
    for item in request.session.items:
        if not isinstance(item, pytest.Function) or item.module is not request.module:
            continue
        if request.fixturename in item.fixturenames:
            yield item


def params(item: pytest.Function) -> dict[str, Any]:
    callspec = getattr(item, "callspec", None)
    return dict(callspec.params) if callspec else {}
