"""`videorace record SOURCE`: live snapshots become replay recordings, with safe file names."""

from __future__ import annotations

import duckdb

from pipelines.record import promote
from pipelines.snapshot_ledger import register_snapshots
from pipelines.warehouse import ensure_base_tables
from tests.support import RECORDINGS
from videorace_scrapers.snapshots import SnapshotStore, recorded_snapshots


def test_promote_copies_the_newest_live_snapshot_and_replays_it(tmp_path):
    body = (RECORDINGS / "arena" / "2026-07-12" / "text-to-video.json").read_bytes()
    store = SnapshotStore(tmp_path / "snapshots")
    url = "http://127.0.0.1:9/data/2026-07-12/..%2F..%2Ftext-to-video.json?x=<script>"
    snap = store.put("arena", url, body, mode="live", fetched_at="2026-07-12T05:00:00Z", label="text-to-video")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_base_tables(con)
    register_snapshots(con, [snap])

    recordings = tmp_path / "recordings"
    added = promote(con, "arena", recordings)
    assert len(added) == 1
    name = added[0]
    assert name.startswith("2026-07-12/" + snap.sha256[:12]) and "/" not in name.split("/", 1)[1]
    assert ".." not in name and "<" not in name and "%" not in name
    assert promote(con, "arena", recordings) == []  # already recorded

    replayed = recorded_snapshots(recordings, "arena")
    assert [(s.sha256, s.url, s.label) for s in replayed] == [(snap.sha256, url, "text-to-video")]
    con.close()


def test_promote_without_live_snapshots_says_what_to_run(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_base_tables(con)
    try:
        promote(con, "arena", tmp_path / "recordings")
    except LookupError as exc:
        assert "videorace refresh --live --select arena" in str(exc)
    else:
        raise AssertionError("expected LookupError")
    con.close()
