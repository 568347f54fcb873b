"""Fixtures for the operations tests: real arena recordings to serve from the loopback fault
server, and Scrapy settings that keep retries and delays small so the suite stays fast."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..conftest import RECORDINGS

ARENA = RECORDINGS / "arena"
T2V = (ARENA / "2026-07-12" / "text-to-video.json").read_bytes()
I2V = (ARENA / "2026-06-14" / "image-to-video.json").read_bytes()

# small retries and no politeness delays: each fault costs fractions of a second, not minutes
FAST_SCRAPY = {
    "RETRY_TIMES": "2",
    "RETRY_BACKOFF_BASE_S": "0.1",
    "RETRY_BACKOFF_MAX_S": "5",
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "LOG_LEVEL": "WARNING",
}


def copy_warehouse(replay_warehouse: Path, tmp: Path) -> Path:
    """A private copy of the session's replayed warehouse (the previous good state)."""
    tmp.mkdir(parents=True, exist_ok=True)
    target = tmp / "videorace.duckdb"
    shutil.copyfile(replay_warehouse / "videorace.duckdb", target)
    return target


def table_counts(
    path: Path, skip: tuple[str, ...] = ("raw.source_runs", "raw.snapshots", "raw.snapshot_rejects")
) -> dict:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = con.execute("""SELECT table_schema || '.' || table_name FROM information_schema.tables
                                WHERE table_schema IN ('raw', 'marts', 'out') ORDER BY 1""").fetchall()
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for (t,) in tables if t not in skip}
    finally:
        con.close()


@pytest.fixture
def good_warehouse(replay_warehouse, tmp_path) -> Path:
    copy_warehouse(replay_warehouse, tmp_path)
    return tmp_path
