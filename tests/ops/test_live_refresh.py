"""End to end: after a good state, a live refresh of arena whose server misbehaves finishes, records
every failure, keeps every row loaded before, and the source recovers when the server does. Through
the Dagster graph (run_pipeline) and through the `videorace` command line."""

from __future__ import annotations

import subprocess
import sys

import duckdb

from pipelines.status import source_status
from tests.ops.support import FAST_SCRAPY_ENV, I2V, T2V
from tests.support import PROJECT_ROOT, RECORDINGS, pipeline_env, run_pipeline, table_counts

from .faultserver import CHALLENGE_PAGE, FaultServer, Reply, ok_json

LATEST = (RECORDINGS / "arena" / "latest.json").read_bytes()
ARENA_FED = ("raw.raw_leaderboards__arena", "marts.fct_leaderboard_entries", "out.out_leaderboard_country_daily")


def assert_nothing_lost(before: dict, after: dict) -> None:
    """No table lost a row (logs such as a refresh history may grow); arena-fed tables are unchanged."""
    assert {t: n for t, n in after.items() if n < before.get(t, 0)} == {}
    assert set(after) >= set(before)
    assert {t: after[t] for t in ARENA_FED} == {t: before[t] for t in ARENA_FED}
    assert before["raw.raw_leaderboards__arena"] == 3692


def _runs(path, run_id=None) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(
            """SELECT status, message FROM raw.source_runs WHERE source = 'arena' AND run_id = ?
                              ORDER BY run_started_at""",
            [run_id],
        ).fetchall()
    finally:
        con.close()


def _arena_status(path) -> dict:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return source_status(con).filter(source="arena").row(0, named=True)
    finally:
        con.close()


def test_misbehaving_live_run_reports_every_failure_and_loses_no_row(good_warehouse):
    warehouse = good_warehouse / "videorace.duckdb"
    before = table_counts(warehouse)
    # the mirror's real pointer (newest day 2026-08-22): a live run reads it first, then that day's boards
    misbehaving = {
        "/data/latest.json": [ok_json(LATEST)],
        "/text-to-video.json": [Reply(503, b"overloaded")],  # 5xx on every attempt
        "/image-to-video.json": [Reply(200, CHALLENGE_PAGE, content_type="text/html")],  # challenge, 200
        "/video-edit.json": [Reply(200, T2V[:500])],
    }  # truncated JSON, 200
    with FaultServer(misbehaving) as server:
        result = run_pipeline(
            good_warehouse,
            select=["arena"],
            mode="live",
            VIDEORACE_ARENA_URL=server.url,
            **FAST_SCRAPY_ENV,  # retries and politeness delays of tenths of a second: the failures are the test
        )
    assert result.success  # the run finishes; the failure is data, not a crash
    runs = _runs(warehouse, result.run_id)
    assert [status for status, _ in runs] == ["partial", "failed"]
    fetch_message, load_message = runs[0][1], runs[1][1]
    assert fetch_message.endswith("/text-to-video.json: HTTP 503")
    assert load_message.startswith("arena: cannot parse 2 snapshots: ")
    assert "a challenge or block page (HTML) instead of data" in load_message and "invalid JSON" in load_message
    checks = {(e.asset_key.to_user_string(), e.check_name): e.passed for e in result.get_asset_check_evaluations()}
    arena_raw = "raw_leaderboards__arena"
    assert checks[(arena_raw, "last_load_ok")] is False and checks[(arena_raw, "fresh_for_cadence")] is False
    assert checks[(arena_raw, "schema_matches_ddl")] is True and checks[(arena_raw, "range_score_in_range")] is True
    status = _arena_status(warehouse)
    assert (status["last_status"], status["stale"]) == ("failed", True)
    assert_nothing_lost(before, table_counts(warehouse))  # every row loaded before is still there

    good = {
        "/data/latest.json": [ok_json(LATEST)],
        "/text-to-video.json": [ok_json(T2V)],
        "/image-to-video.json": [ok_json(I2V)],
        "/video-edit.json": [Reply(404, b"no such day")],
    }
    with FaultServer(good) as server:
        recovered = run_pipeline(
            good_warehouse, select=["arena"], mode="live", VIDEORACE_ARENA_URL=server.url, **FAST_SCRAPY_ENV
        )
    # the refused snapshots are not parsed again: the source is healthy as soon as its server is
    assert [s for s, _ in _runs(warehouse, recovered.run_id)] == ["partial", "partial"]
    status = _arena_status(warehouse)
    # no longer failed; stale now judges the data's own date, and the served recordings end 2026-10-10
    assert status["last_status"] == "partial" and status["data_through"].isoformat() == "2026-10-10"
    assert status["stale"] is (status["data_age_days"] > 2)
    assert_nothing_lost(before, table_counts(warehouse))  # same bytes as the recordings: nothing new


def test_cli_live_select_arena_fails_clearly_and_status_shows_failed_and_stale(good_warehouse):
    warehouse = good_warehouse / "videorace.duckdb"
    before = table_counts(warehouse)
    with FaultServer({".json": [Reply(200, CHALLENGE_PAGE, content_type="text/html")]}) as server:
        env = {
            **pipeline_env(good_warehouse, "live", VIDEORACE_ARENA_URL=server.url, **FAST_SCRAPY_ENV),
            "PATH": "/usr/bin:/bin",
        }
        refresh = subprocess.run(
            [sys.executable, "-m", "pipelines.cli", "refresh", "--live", "--select", "arena", "--quiet"],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert refresh.returncode == 1, refresh.stderr[-2000:]
    assert "sources that failed this refresh (last good data kept): arena" in refresh.stderr
    assert "(sources: arena)" in refresh.stdout
    status = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "status"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert status.returncode == 0, status.stderr
    arena_line = next(line for line in status.stdout.splitlines() if line.startswith("arena "))
    assert arena_line.split()[1:3] == ["failed", "STALE"]
    assert_nothing_lost(before, table_counts(warehouse))
