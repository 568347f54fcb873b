"""Warehouse work done one step ahead of Dagster, on the second core.

A SQL layer step alternates two kinds of work: DuckDB building a model (which releases the GIL) and
Dagster storing that model's events (pure Python, ~40 % of the step). Done in turn, one core idles
at every switch. `in_order` runs the warehouse jobs in a worker thread, on its own connection to
the same database (`con.cursor()`), strictly in the order given, while the caller turns each
finished result into events. The order of the writes, their transactions and what a failure stops
are the same as when the jobs run in the caller's thread:

- job k+1 starts only after job k committed, so a model always reads the committed tables before it;
- a job that raises stops the worker; the caller gets the results before it, then the exception;
- a caller that stops early (its step failed) stops the worker after its current job, and waits
  for it, so no write outlives the step.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

import duckdb

T = TypeVar("T")
_DONE = object()

# Python hands the GIL to a waiting thread every 5 ms by default: the worker, back from DuckDB with a
# few lines of Python before its next statement, would wait that long each time behind Dagster's
# event code. 0.5 ms keeps DuckDB fed; it applies only while a worker runs.
_SWITCH_INTERVAL_S = 0.0005


@contextmanager
def _short_gil_switches() -> Iterator[None]:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, _SWITCH_INTERVAL_S))
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


def in_order(con: duckdb.DuckDBPyConnection, jobs: Sequence[Callable[[duckdb.DuckDBPyConnection], T]]) -> Iterator[T]:
    """Each job's result, in order, computed by a worker thread on a cursor of `con`'s database."""
    if not jobs:
        return
    results: queue.Queue = queue.Queue()
    stop = threading.Event()
    cursor = con.cursor()

    def work() -> None:
        try:
            for job in jobs:
                if stop.is_set():
                    return
                results.put((True, job(cursor)))
        except BaseException as exc:  # noqa: BLE001 — handed to the caller's thread, raised there
            results.put((False, exc))
        finally:
            results.put(_DONE)

    worker = threading.Thread(target=work, name="warehouse-ahead", daemon=True)
    with _short_gil_switches():
        worker.start()
        try:
            while (item := results.get()) is not _DONE:
                ok, value = item
                if not ok:
                    raise value
                yield value
        finally:
            stop.set()
            worker.join()
            cursor.close()
