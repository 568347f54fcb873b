"""Issue 11.1/11.2: a snapshot that parses but does not fit its raw table (a score of 3,000,000,000,
a vote count of 2^63), an unparseable fetched_at, a missing snapshot file or a manifest without
its url column fails that snapshot only: recorded with its real message, the table as it was, every
downstream step built on the last good data, the refresh non-zero naming the source, the status
failed until a fetch succeeds. Loopback stand-ins and copies of the session warehouse only."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime

import duckdb
import pytest

from pipelines.loading import load_source
from pipelines.snapshot_ledger import register_snapshots
from pipelines.warehouse import ensure_base_tables
from tests.ops.support import FAST_SCRAPY_ENV, I2V, T2V
from tests.support import PROJECT_ROOT, RECORDINGS, pipeline_env, run_pipeline, table_counts
from videorace_scrapers.parsers import ParseError
from videorace_scrapers.snapshots import SnapshotStore

from .faultserver import FaultServer, Reply, ok_json

RAW = "raw_leaderboards__arena"
ARENA_ROWS = 3692  # the 45 recorded days, 2026-03-19 → 10-10 (131 board files)
TODAY = datetime.now(UTC).date().isoformat()
# the arena mirror's index (served too, so the stand-in works for a spider reading latest.json)
LATEST = Reply(200, json.dumps({"date": TODAY, "latest": TODAY, "dates": [TODAY]}).encode())


def poisoned(**first_model) -> bytes:
    doc = json.loads(T2V)
    doc["models"][0].update(first_model)
    return json.dumps(doc).encode()


def cli(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def query(path, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def status_line(out: str, source: str) -> str:
    return next(line for line in out.splitlines() if line.split()[:1] == [source])


# four CLI steps, three of them refreshes of arena and everything downstream: ~100 s alone on a quiet
# machine, past the default 300 s beside another xdist worker on a loaded one
@pytest.mark.timeout(600)
def test_poison_score_is_one_rejected_snapshot_and_the_source_recovers(good_warehouse, monkeypatch):
    """The issue's reproduction, through the command line: live poisoned, status, plain replay,
    then live again with a good answer."""
    warehouse = good_warehouse / "videorace.duckdb"
    before = table_counts(warehouse)
    assert before[f"raw.{RAW}"] == ARENA_ROWS
    env = {**__import__("os").environ, **pipeline_env(good_warehouse, "live"), **FAST_SCRAPY_ENV}
    bad = poisoned(score=3_000_000_000)
    with FaultServer({"/latest.json": [LATEST], "/text-to-video.json": [ok_json(bad)]}) as server:
        live = cli(["refresh", "--live", "--select", "arena", "--quiet"], {**env, "VIDEORACE_ARENA_URL": server.url})
    assert live.returncode == 1, live.stderr
    assert "Traceback" not in live.stderr and "different configuration" not in live.stderr
    assert "sources that failed this refresh (last good data kept): arena" in live.stderr
    assert "FAILED steps" not in live.stderr  # every downstream step ran, on the last good data
    [(sha, reason)] = query(warehouse, "SELECT sha256, reason FROM raw.snapshot_rejects WHERE source = 'arena'")
    assert sha == __import__("hashlib").sha256(bad).hexdigest()
    where = f"{good_warehouse}/snapshots/arena/{sha}.json (sha256 {sha[:12]})"
    assert reason.startswith(f"arena: cannot parse snapshot {where}: ")
    assert reason.endswith("ValueError: column score: value '3000000000' (record 0) does not fit INTEGER")
    after = table_counts(warehouse)
    assert after[f"raw.{RAW}"] == ARENA_ROWS
    assert {t: n for t, n in after.items() if n < before[t]} == {}
    assert query(warehouse, "SELECT max(score) FROM raw.raw_leaderboards__arena") == [(1527,)]

    status = cli(["status"], env)
    line = status_line(status.stdout, "arena")
    assert line.split()[1:3] == ["failed", "STALE"], line
    assert (
        "does not fit INTEGER"
        in query(
            warehouse,
            """SELECT message FROM raw.source_runs WHERE source = 'arena'
                                                         ORDER BY run_started_at DESC LIMIT 1""",
        )[0][0]
    )

    # a plain replay finds nothing new for arena: it is not a fetch, so arena stays failed
    replay = cli(["refresh", "--select", "arena", "--quiet"], {**env, "VIDEORACE_MODE": "replay"})
    assert replay.returncode == 1 and "failed this refresh (last good data kept): arena" in replay.stderr
    assert query(warehouse, "SELECT count(*) FROM raw.snapshot_rejects") == [(1,)]  # reported once
    [(state, message)] = query(
        warehouse,
        """SELECT status, message FROM raw.source_runs WHERE source = 'arena'
                                             ORDER BY run_started_at DESC LIMIT 1""",
    )
    assert state == "failed" and message.startswith("still failed since ") and "does not fit INTEGER" in message

    # the source answers well again: the live refresh succeeds and the status is no longer failed
    with FaultServer(
        {
            "/latest.json": [LATEST],
            "/text-to-video.json": [ok_json(poisoned(score=1528))],
            "/image-to-video.json": [ok_json(I2V)],
        }
    ) as server:
        good = cli(["refresh", "--live", "--select", "arena", "--quiet"], {**env, "VIDEORACE_ARENA_URL": server.url})
    assert good.returncode == 0, good.stderr
    assert query(warehouse, "SELECT max(score) FROM raw.raw_leaderboards__arena") == [(1528,)]
    assert query(warehouse, f"SELECT count(*) FROM raw.{RAW}") == [(ARENA_ROWS + 42,)]
    assert status_line(cli(["status"], env).stdout, "arena").split()[1] == "partial"  # other boards 404 here


def _store(tmp, name: str, body: bytes, day: str):
    return SnapshotStore(tmp / "snapshots").put(
        "arena", f"http://127.0.0.1/data/{day}/{name}", body, mode="live", fetched_at=f"{day}T06:00:00Z"
    )


def test_overflow_missing_file_and_bad_date_each_refuse_one_snapshot(tmp_path):
    good = _store(tmp_path, "text-to-video.json", poisoned(score=1529), "2026-07-13")
    overflow = _store(tmp_path, "text-to-video.json", poisoned(votes=2**63), "2026-07-14")
    missing = _store(tmp_path, "text-to-video.json", poisoned(score=1530), "2026-07-15")
    (PROJECT_ROOT / missing.path).unlink()  # an absolute path stays itself under "/"
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        ensure_base_tables(con)
        assert register_snapshots(con, [good, overflow, missing]) == []
        with pytest.raises(ParseError) as caught:
            load_source(con, "arena", RAW, [good, overflow, missing])
        assert str(caught.value).startswith("arena: cannot parse 2 snapshots: ")
        reasons = dict(con.execute("SELECT sha256, reason FROM raw.snapshot_rejects").fetchall())
        assert "does not fit BIGINT" in reasons[overflow.sha256] or "OverflowError" in reasons[overflow.sha256]
        assert "column votes" in reasons[overflow.sha256] or "OverflowError" in reasons[overflow.sha256]
        assert reasons[missing.sha256].endswith(
            f"FileNotFoundError: [Errno 2] No such file or directory: '{missing.path}'"
        )
        assert con.execute(f"SELECT count(*), max(score) FROM raw.{RAW}").fetchall() == [(42, 1529)]
        again = load_source(con, "arena", RAW, [good, overflow, missing])  # reported once, not forever
        assert (again.rows_loaded, len(again.skipped)) == (0, 2)

        late = _store(tmp_path, "image-to-video.json", I2V, "2026-07-16")
        unparseable = late.__class__(**{**late.as_row(), "fetched_at": "yesterday-ish"})
        refused = register_snapshots(con, [unparseable])
        assert [str(e) for _, e in refused] == [
            f"arena: cannot parse snapshot {late.path} (sha256 {late.sha256[:12]}): fetched_at 'yesterday-ish' is not "
            "an ISO 8601 timestamp (Invalid isoformat string: 'yesterday-ish')"
        ]
        count = "SELECT count(*) FROM raw.{} WHERE sha256 = ?"
        assert con.execute(count.format("snapshots"), [late.sha256]).fetchall() == [(0,)]
        assert con.execute(count.format("snapshot_rejects"), [late.sha256]).fetchall() == [(1,)]
    finally:
        con.close()


def test_manifest_without_url_fails_arena_only_and_downstream_builds(good_warehouse, tmp_path):
    recordings = tmp_path / "recordings"
    shutil.copytree(RECORDINGS, recordings)
    manifest = recordings / "arena" / "manifest.csv"
    lines = manifest.read_text().splitlines()
    header = lines[0].split(",")
    drop = header.index("url")
    kept = [",".join(c for i, c in enumerate(row.split(",")) if i != drop) for row in lines]
    manifest.write_text("\n".join(kept) + "\n")
    before = table_counts(good_warehouse / "videorace.duckdb")
    result = run_pipeline(good_warehouse, select=["arena"], VIDEORACE_RECORDINGS_DIR=str(recordings))
    assert result.success
    assert [e.step_key for e in result.all_events if e.event_type_value == "STEP_FAILURE"] == []
    [(state, message)] = query(
        good_warehouse / "videorace.duckdb",
        """SELECT status, message FROM raw.source_runs
        WHERE source = 'arena' AND run_id = ?""",
        [result.run_id],
    )
    assert (state, message) == ("failed", "arena: KeyError: 'url'")
    after = table_counts(good_warehouse / "videorace.duckdb")
    assert after.pop("marts.change_refreshes") == before.pop("marts.change_refreshes") + 1  # a refresh log
    assert after == before and after[f"raw.{RAW}"] == ARENA_ROWS


def test_unchanged_inputs_shortcut_never_overwrites_a_failed_source(good_warehouse, monkeypatch):
    """The fingerprint fast path notes every source 'unchanged' — except one whose last outcome
    is a failure, which stays failed (and stale) until a fetch of it succeeds."""
    from pipelines.config import load_settings
    from pipelines.refresh import _remember
    from pipelines.status import source_status

    for key, value in pipeline_env(good_warehouse).items():
        monkeypatch.setenv(key, value)
    warehouse = good_warehouse / "videorace.duckdb"
    con = duckdb.connect(str(warehouse))
    try:
        con.execute("""INSERT INTO raw.source_runs VALUES (now(), 'live-run', 'arena', 'live', 'failed', 3, 0, 0, 1,
                       'arena: live fetch returned no usable response (HTTP 503)')""")
    finally:
        con.close()
    _remember(load_settings(), "same-inputs", note_unchanged=True)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        status = {r["source"]: r for r in source_status(con).iter_rows(named=True)}
        notes = con.execute("""SELECT source FROM raw.source_runs WHERE run_id = 'unchanged-inputs'""").fetchall()
    finally:
        con.close()
    assert (status["arena"]["last_status"], status["arena"]["stale"]) == ("failed", True)
    assert status["arena"]["message"] == "arena: live fetch returned no usable response (HTTP 503)"
    assert ("arena",) not in notes and ("fred",) in notes
    assert status["fred"]["last_status"] == "unchanged"
