"""Locks and corrupt files: a command that cannot open the warehouse says why in one line (the lock
holder's PID, or "corrupt" with how to rebuild) and exits 1, a refresh waits a bounded time for a
lock, and a corrupt file fails at once instead of every step retrying. Also `record` (re-hash,
deleted files, the sha256 manifest column) and `export --format csv` (formula cells neutralised)."""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipelines import refresh
from pipelines.config import load_settings
from pipelines.record import MANIFEST_FIELDS
from pipelines.snapshot_ledger import register_snapshots
from pipelines.warehouse import ensure_base_tables
from tests.support import PROJECT_ROOT, RECORDINGS, pipeline_env
from videorace_scrapers.snapshots import SnapshotStore, sha256_hex

HOLD = (
    "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=sys.argv[3] == 'ro'); "
    "print('ready', flush=True); time.sleep(float(sys.argv[2]))"
)


def cli(tmp: Path, *args: str, timeout: int = 300, **env: str) -> subprocess.CompletedProcess:
    full = {**pipeline_env(tmp), "PATH": "/usr/bin:/bin", **env}
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *args],
        cwd=PROJECT_ROOT,
        env=full,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


class Holder:
    """Another process holding the warehouse's write lock (as a notebook or a refresh would)."""

    def __init__(self, path: Path, seconds: float, read_only: bool = False) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(path), str(seconds), "ro" if read_only else "rw"],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout.readline().strip() == "ready"

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.proc.kill()
        self.proc.wait(timeout=10)


def one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, (result.stdout[-1000:], result.stderr[-2000:])
    assert "Traceback" not in result.stderr and "IOException" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(
    "command",
    [("status",), ("export", "--format", "csv", "--out", "exports"), ("record", "arena")],
    ids=["status", "export", "record"],
)
def test_a_locked_warehouse_is_one_line_naming_the_holder(good_warehouse, command):
    with Holder(good_warehouse / "videorace.duckdb", 60) as holder:
        started = time.monotonic()
        result = cli(good_warehouse, *command, VIDEORACE_LOCK_WAIT_S="1")
        took = time.monotonic() - started
    line = one_line_error(result)
    assert line.startswith(
        f"videorace {command[0]}: warehouse {good_warehouse / 'videorace.duckdb'} is locked by PID {holder.proc.pid} ("
    )
    assert "waited 1s (VIDEORACE_LOCK_WAIT_S)" in line and took < 30


def test_status_waits_for_a_lock_that_is_released_and_then_reads(good_warehouse):
    with Holder(good_warehouse / "videorace.duckdb", 2):
        result = cli(good_warehouse, "status", VIDEORACE_LOCK_WAIT_S="30")
    assert result.returncode == 0, result.stderr
    assert next(line for line in result.stdout.splitlines() if line.startswith("arena ")).split()[1] == "ok"


@pytest.mark.parametrize("read_only", [False, True], ids=["another-writer", "a-notebook-reading"])
def test_a_refresh_waits_a_bounded_time_for_a_lock_then_names_the_holder(good_warehouse, read_only):
    before = (good_warehouse / "videorace.duckdb").stat().st_size
    with Holder(good_warehouse / "videorace.duckdb", 120, read_only=read_only) as holder:
        started = time.monotonic()
        result = cli(good_warehouse, "refresh", "--select", "fred", "--quiet", VIDEORACE_LOCK_WAIT_S="3")
        took = time.monotonic() - started
    line = one_line_error(result)
    assert line.startswith("videorace refresh: warehouse ") and f"is locked by PID {holder.proc.pid}" in line
    assert "waited 3s" in line and 3 <= took < 30  # it waited, boundedly; no Dagster step ran
    assert (good_warehouse / "videorace.duckdb").stat().st_size == before


@pytest.mark.parametrize("command", [("refresh", "--quiet"), ("status",)], ids=["refresh", "status"])
def test_a_truncated_warehouse_fails_fast_with_how_to_rebuild(good_warehouse, command):
    path = good_warehouse / "videorace.duckdb"
    with path.open("r+b") as handle:
        handle.truncate(300_000)
    started = time.monotonic()
    result = cli(good_warehouse, *command, VIDEORACE_LOCK_WAIT_S="30")
    took = time.monotonic() - started
    line = one_line_error(result)
    assert f"warehouse {path} is corrupt or unreadable (IO Error: Could not read enough bytes" in line
    assert "rebuild it from the committed recordings with `make clean && make run`" in line
    assert took < 30  # not 100 s of step retries


def test_a_refresh_that_completed_does_not_fail_in_its_own_bookkeeping(good_warehouse, monkeypatch, capsys):
    monkeypatch.setenv("VIDEORACE_WAREHOUSE", str(good_warehouse / "videorace.duckdb"))
    monkeypatch.setenv("VIDEORACE_LOCK_WAIT_S", "0")
    with Holder(good_warehouse / "videorace.duckdb", 60) as holder:
        refresh._remember(load_settings(), "f" * 64, note_unchanged=False)  # must not raise
    err = capsys.readouterr().err
    assert err.startswith("videorace: refresh completed, but its fingerprint was not recorded")
    assert f"locked by PID {holder.proc.pid}" in err


def _live_snapshot(tmp: Path) -> tuple[Path, object]:
    body = (RECORDINGS / "arena" / "2026-07-12" / "text-to-video.json").read_bytes()
    snap = SnapshotStore(tmp / "snapshots").put(
        "arena",
        "http://127.0.0.1:9/data/2026-07-12/text-to-video.json",
        body,
        mode="live",
        fetched_at="2026-07-12T05:00:00Z",
        label="text-to-video",
    )
    con = duckdb.connect(str(tmp / "videorace.duckdb"))
    ensure_base_tables(con)
    register_snapshots(con, [snap])
    con.close()
    return Path(snap.path), snap


def test_record_writes_the_sha256_manifest_and_refuses_a_tampered_or_deleted_snapshot(tmp_path):
    path, snap = _live_snapshot(tmp_path)
    recordings = tmp_path / "recordings"
    env = {"VIDEORACE_RECORDINGS_DIR": str(recordings)}
    path.write_bytes(path.read_bytes().replace(b'"score": 1527', b'"score": 9999'))  # tampered after the fetch
    line = one_line_error(cli(tmp_path, "record", "arena", **env))
    assert line == (
        f"videorace record: arena: snapshot file {path} hashes to {sha256_hex(path.read_bytes())[:12]}…, "
        f"not the registered {snap.sha256[:12]}… (changed since it was fetched); nothing recorded"
    )
    assert not recordings.exists()
    path.unlink()
    line = one_line_error(cli(tmp_path, "record", "arena", **env))
    assert line.startswith(f"videorace record: arena: snapshot file {path} is missing (deleted or moved)")

    _live_snapshot(tmp_path)  # the same bytes again, intact
    ok = cli(tmp_path, "record", "arena", **env)
    assert ok.returncode == 0, ok.stderr
    with (recordings / "arena" / "manifest.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames) == MANIFEST_FIELDS and MANIFEST_FIELDS[-1] == "sha256"
    (row,) = rows
    assert row["sha256"] == snap.sha256 == sha256_hex((recordings / "arena" / row["file"]).read_bytes())
    assert (row["capture"], row["label"], row["url"]) == ("byte-exact", "text-to-video", snap.url)
    assert not list(recordings.rglob("*.part"))


def test_export_csv_neutralises_formula_cells(good_warehouse):
    con = duckdb.connect(str(good_warehouse / "videorace.duckdb"))
    hostile = {
        "google": '=HYPERLINK("http://evil.example","click")',
        "openai": "+1+1",
        "runway": "-2",
        "luma": "@SUM(A1)",
    }
    for lab, text in hostile.items():
        con.execute("UPDATE marts.dim_labs SET lab_name = ? WHERE lab_id = ?", [text, lab])
    con.close()
    result = cli(good_warehouse, "export", "--format", "csv", "--out", str(good_warehouse / "exports"))
    assert result.returncode == 0, result.stderr
    with (good_warehouse / "exports" / "marts.dim_labs.csv").open(newline="", encoding="utf-8") as handle:
        names = {r["lab_id"]: r["lab_name"] for r in csv.DictReader(handle)}
    assert {lab: names[lab] for lab in hostile} == {lab: "'" + text for lab, text in hostile.items()}
    assert names["kuaishou"] == "Kuaishou (Kling)"  # ordinary cells untouched
