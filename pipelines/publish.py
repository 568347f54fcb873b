"""Publishing the read-only copy of the warehouse that readers open while the writer refreshes.

DuckDB lets one process write a file and, while it does, no other process may open it, not even
read-only. So the writer keeps `warehouse/videorace.duckdb` to itself, and after each successful
refresh its state is published as `warehouse/videorace.read.duckdb`: checkpointed (nothing left in
the WAL), copied beside the published file, opened once to prove it reads, then swapped in with
os.replace, one rename on one file system. A reader that opened the previous copy keeps reading it
(its open file is the old inode) until it reconnects; a reader that opens now gets the new one. No
reader ever sees a file being written. A refresh that failed publishes nothing, so readers keep the
last good state.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from .warehouse import open_warehouse


def publish_read_copy(warehouse: Path, read_path: Path, *, wait_s: float = 30.0) -> float:
    """Publish `warehouse` as `read_path`; returns the seconds it took. Holds the writer's lock
    (a read-write connection) while copying, so no step can change the file half-way."""
    started = time.monotonic()
    read_path.parent.mkdir(parents=True, exist_ok=True)
    staging = read_path.with_name(f".{read_path.name}.{os.getpid()}.part")
    con = open_warehouse(warehouse, wait_s=wait_s)
    try:
        con.execute("CHECKPOINT")  # every committed change into the main file, so the file alone is the state
        shutil.copyfile(warehouse, staging)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    finally:
        con.close()
    try:
        with open(staging, "rb+") as handle:
            os.fsync(handle.fileno())  # the bytes are on disk before the name points at them
        check = duckdb.connect(str(staging), read_only=True)
        try:
            check.execute("SELECT count(*) FROM information_schema.tables").fetchall()
        finally:
            check.close()
        os.replace(staging, read_path)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    return time.monotonic() - started


def publish_after_refresh(settings) -> str | None:
    """The line `videorace refresh` prints after a clean refresh, or None when this warehouse has
    no read copy (a hosted one: MotherDuck serves its own readers)."""
    if settings.read_path is None:
        return None
    seconds = publish_read_copy(settings.warehouse_path, settings.read_path, wait_s=settings.lock_wait_s)
    return f"videorace: published the read-only copy {settings.read_path} in {seconds:.2f}s"


@contextmanager
def published_state(path: str) -> Iterator[duckdb.DuckDBPyConnection | None]:
    """The last published state, read-only, for steps that must not open the writer's file (the
    fetch steps); None when there is none to open (a first refresh, or a writer holds `path`)."""
    try:
        con = duckdb.connect(path, read_only=True)
    except (duckdb.Error, OSError):
        yield None
        return
    try:
        yield con
    finally:
        con.close()
