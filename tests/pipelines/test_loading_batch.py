"""Issue 8.6: loading N new snapshots of a source costs a constant number of SQL statements (one
Arrow batch for the rows, one for the ledger), not one set per snapshot. The boards are
SYNTHETIC (the real 2026-07-12 text-to-video recording with its date moved), written to tmp_path."""

from __future__ import annotations

import json

import duckdb
import pytest

from pipelines.loading import load_source
from pipelines.snapshot_ledger import register_snapshots
from pipelines.warehouse import ensure_base_tables
from tests.support import RECORDINGS
from videorace_scrapers.snapshots import SnapshotStore

T2V = json.loads((RECORDINGS / "arena" / "2026-07-12" / "text-to-video.json").read_bytes())


class CountingConnection:
    """A DuckDB connection that counts the statements sent through it."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con
        self.statements: list[str] = []

    def execute(self, sql, *args, **kwargs):
        self.statements.append(" ".join(str(sql).split())[:60])
        return self._con.execute(sql, *args, **kwargs)

    def sql(self, sql, *args, **kwargs):
        self.statements.append(" ".join(str(sql).split())[:60])
        return self._con.sql(sql, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._con, name)


def synthetic_days(tmp_path, n: int, *, poison_day: int | None = None) -> list:
    store = SnapshotStore(tmp_path / "snapshots")
    snaps = []
    for i in range(n):
        day = f"2027-{1 + i // 28:02d}-{1 + i % 28:02d}"
        doc = json.loads(json.dumps(T2V))
        doc["meta"]["fetched_at"] = f"{day}T05:00:00+00:00"
        doc["meta"]["synthetic"] = "benchmark/test data, not a real board"
        if i == poison_day:
            doc["models"][0]["score"] = 3_000_000_000
        body = json.dumps(doc).encode()
        snaps.append(
            store.put(
                "arena",
                f"http://127.0.0.1/synthetic/data/{day}/text-to-video.json",
                body,
                mode="live",
                fetched_at=f"{day}T06:00:00Z",
                label="text-to-video",
            )
        )
    return snaps


def load_counting(tmp_path, snaps) -> tuple[list[str], int]:
    raw = duckdb.connect(str(tmp_path / f"w{len(snaps)}.duckdb"))
    try:
        ensure_base_tables(raw)
        con = CountingConnection(raw)
        register_snapshots(con, snaps)
        registered = len(con.statements)
        con.statements.clear()
        try:
            load_source(con, "arena", "raw_leaderboards__arena", snaps)
        finally:
            rows = raw.execute("SELECT count(*) FROM raw.raw_leaderboards__arena").fetchall()[0][0]
        return [*con.statements, f"register:{registered}"], rows
    finally:
        raw.close()


def test_statement_count_does_not_grow_with_snapshots(tmp_path):
    few, few_rows = load_counting(tmp_path / "a", synthetic_days(tmp_path / "a", 3))
    many, many_rows = load_counting(tmp_path / "b", synthetic_days(tmp_path / "b", 60))
    assert (few_rows, many_rows) == (3 * 42, 60 * 42)
    assert len(few) == len(many)
    assert few == many  # the very same statements, whatever N
    assert sum(s.startswith("INSERT INTO raw.raw_leaderboards__arena") for s in many) == 1


def test_one_poisoned_day_is_refused_and_the_others_load_in_the_batch(tmp_path):
    from videorace_scrapers.parsers import ParseError

    snaps = synthetic_days(tmp_path, 10, poison_day=4)
    with pytest.raises(ParseError, match=r"column score: value '3000000000' \(record 0\) does not fit INTEGER"):
        load_counting(tmp_path, snaps)
    con = duckdb.connect(str(tmp_path / "w10.duckdb"), read_only=True)
    try:
        assert con.execute(
            "SELECT count(*), count(DISTINCT snapshot_sha256), max(score) FROM raw.raw_leaderboards__arena"
        ).fetchall() == [(9 * 42, 9, 1527)]
        assert con.execute("SELECT sha256 FROM raw.snapshot_rejects").fetchall() == [(snaps[4].sha256,)]
        assert con.execute("SELECT count(*) FROM raw.snapshot_loads").fetchall() == [(9,)]
    finally:
        con.close()
