"""Fetch steps open no warehouse (DuckDB: one writer, and no reader beside it), so they run side by
side in the cluster profile: a fetch hands what it found to its source's load step through the
snapshot store, a folder or a bucket (pipelines/fetch_handoff.py), and a live fetch reads how far
its source already is from the published read-only copy (pipelines/catchup.py)."""

from __future__ import annotations

import logging
import shutil

import dagster as dg

from pipelines.catchup import catch_up_state
from pipelines.defs.source_assets import SourceAssets, SourceFetch
from pipelines.fetch_handoff import FetchOutcome, clear, hand_over, take_over
from pipelines.resources import SourceFetcher
from videorace_scrapers.snapshots import recorded_snapshots

from ..conftest import RECORDINGS

RUN, PARENT = "1b2c3d4e-0000-4000-8000-000000000001", "1b2c3d4e-0000-4000-8000-000000000000"


def _round_trip(store: str) -> None:
    arena = recorded_snapshots(RECORDINGS, "arena")
    outcome = FetchOutcome("arena", "replay", "ok", arena, [{"url": "https://x/a", "reason": "HTTP 503"}])
    hand_over(store, PARENT, outcome)
    assert take_over(store, [RUN], "arena") is None  # this run fetched nothing
    run_id, back = take_over(store, [RUN, PARENT], "arena")  # a re-execution finds its parent's
    assert run_id == PARENT and back == outcome and back.snapshots[0] == arena[0]
    assert len(back.snapshots) == len(arena) == 131  # every recorded arena board-day
    clear(store, PARENT, "arena")
    assert take_over(store, [PARENT], "arena") is None


def test_an_outcome_goes_through_a_folder_whole(tmp_path):
    _round_trip(str(tmp_path / "store"))
    assert not list((tmp_path / "store").rglob("*.json")) and not list((tmp_path / "store").rglob("*.part"))


def test_an_outcome_goes_through_a_bucket(bucket):
    _round_trip(bucket)


def test_a_skipped_fetch_says_why_and_carries_no_snapshots(tmp_path):
    outcome = FetchOutcome("yahoo", "replay", "skipped", message="yahoo: live only")
    hand_over(str(tmp_path), RUN, outcome)
    assert take_over(str(tmp_path), [RUN], "yahoo") == (RUN, outcome)


def test_the_fetch_step_runs_with_no_warehouse_resource(tmp_path):
    fetch = SourceFetch(SourceAssets("owid_patents", None, lambda snap: {})).build([])
    fetcher = SourceFetcher(snapshot_dir=str(tmp_path / "snap"), recordings_dir=str(RECORDINGS))
    result = dg.materialize([fetch], resources={"fetcher": fetcher})  # no `duckdb` resource at all
    assert result.success
    [materialization] = result.asset_materializations_for_node("fetch_owid_patents")
    assert materialization.metadata["status"].value == "ok"
    assert materialization.metadata["snapshots"].value == 1
    run_id, outcome = take_over(str(tmp_path / "snap"), [result.run_id], "owid_patents")
    assert [s.sha256 for s in outcome.snapshots] == [s.sha256 for s in recorded_snapshots(RECORDINGS, "owid_patents")]


def test_a_live_fetch_catches_up_from_the_published_copy(replay_warehouse, tmp_path, caplog):
    published = tmp_path / "videorace.read.duckdb"
    shutil.copyfile(replay_warehouse / "videorace.duckdb", published)
    # arena is date-addressed: its newest stored board-day; FRED a range from its newest observation
    # (2026-09-25) minus five days of overlap
    assert catch_up_state(str(published), "arena", 730) == ({}, "2026-10-10")
    assert catch_up_state(str(published), "fred", 730) == ({"start": "2026-09-20"}, None)
    assert catch_up_state(str(published), "owid_patents", 730) == ({}, None)  # no catch-up at all
    log = logging.getLogger("catchup-test")
    with caplog.at_level(logging.WARNING):
        assert catch_up_state(str(tmp_path / "none.duckdb"), "arena", 730, log) == ({}, None)
    assert "arena: no published warehouse to catch up from" in caplog.text and "default window" in caplog.text


def test_in_the_cluster_profile_fetch_steps_parse_what_the_published_copy_lacks(replay_warehouse, tmp_path):
    from pipelines.config import load_settings
    from pipelines.loading import pre_parse
    from pipelines.resources import build_resources

    assert build_resources(load_settings({"VIDEORACE_PROFILE": "cluster"}))["fetcher"].parse_in_fetch
    assert not build_resources(load_settings({}))["fetcher"].parse_in_fetch  # one process: nothing to gain
    arena = recorded_snapshots(RECORDINGS, "arena")
    published = tmp_path / "videorace.read.duckdb"
    shutil.copyfile(replay_warehouse / "videorace.duckdb", published)
    args = ("arena", "raw_leaderboards__arena", arena, lambda snap: {}, lambda snap, fetched: snap_bytes(snap))
    assert pre_parse(str(published), *args) == {}  # every recording is loaded there: nothing to parse
    frames = pre_parse(str(tmp_path / "none.duckdb"), *args)  # nothing published yet: all of them
    assert len(frames) == 131
    newest = next(s for s in arena if "/2026-04-19/" in s.url and s.label == "text-to-video")
    top = frames[newest.sha256].sort("rank").row(0, named=True)
    assert (top["model"], top["score"]) == ("dreamina-seedance-2.0-720p", 1460)


def snap_bytes(snap):
    from videorace_scrapers.snapshots import read_snapshot_bytes

    return read_snapshot_bytes(snap)


def test_the_load_step_loads_the_frame_a_fetch_parsed(tmp_path):
    import duckdb

    from pipelines.loading import load_source, parse_snapshot
    from pipelines.snapshot_ledger import register_snapshots
    from pipelines.warehouse import ensure_base_tables

    [snap] = recorded_snapshots(RECORDINGS, "owid_patents")
    frame = parse_snapshot("owid_patents", snap)
    marked = frame.with_columns(frame["entity"].str.replace("^China$", "China (parsed by the fetch step)"))
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        ensure_base_tables(con)
        register_snapshots(con, [snap])
        report = load_source(con, "owid_patents", "raw_patents__owid_patents", [snap], parsed={snap.sha256: marked})
        assert report.rows_loaded == frame.height
        assert con.execute(
            "SELECT count(*) FROM raw.raw_patents__owid_patents WHERE entity = 'China (parsed by the fetch step)'"
        ).fetchall() == [(frame.filter(frame["entity"] == "China").height,)]
    finally:
        con.close()
