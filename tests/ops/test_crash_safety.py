"""A load killed with SIGKILL while inside its transaction leaves the warehouse at its previous
good state, and the next refresh completes. The child process pauses inside the transaction (a
test-only patch of the transaction helper, after every row was inserted, before COMMIT), tells the
parent how many rows it sees there, and is killed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import duckdb

from tests.ops.support import T2V
from tests.support import PROJECT_ROOT, run_pipeline, table_counts

CHILD = textwrap.dedent("""
    import json, sys, time
    from contextlib import contextmanager
    from pathlib import Path
    import duckdb
    from pipelines import loading
    from videorace_scrapers.snapshots import SnapshotStore

    warehouse, snapshot_dir, marker = sys.argv[1:4]
    real_transaction = loading.transaction

    @contextmanager
    def paused_transaction(con):
        with real_transaction(con):
            yield con
            # every row of this load is inserted but not committed: report, then wait to be killed
            seen = con.execute("SELECT count(*) FROM raw.raw_leaderboards__arena").fetchall()[0][0]
            Path(marker).write_text(json.dumps({"rows_inside_transaction": seen}))
            time.sleep(120)

    loading.transaction = paused_transaction
    body = Path(sys.argv[4]).read_bytes()
    snap = SnapshotStore(Path(snapshot_dir)).put("arena", "http://127.0.0.1/data/2026-07-13/text-to-video.json",
                                                 body, mode="live")
    con = duckdb.connect(warehouse)
    loading.load_source(con, "arena", "raw_leaderboards__arena", [snap])
    print("committed: the kill came too late", flush=True)
""")


def test_sigkill_inside_the_load_transaction_keeps_the_last_good_state(good_warehouse):
    warehouse = good_warehouse / "videorace.duckdb"
    before = table_counts(warehouse, skip=())
    # a new snapshot (different bytes from the recording, same real rows) so the load has work to do
    new_body = good_warehouse / "t2v-reformatted.json"
    new_body.write_bytes(json.dumps(json.loads(T2V)).encode())
    marker = good_warehouse / "inside-transaction.json"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(warehouse), str(good_warehouse / "snapshots"), str(marker), str(new_body)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), child.communicate(timeout=5)
        time.sleep(0.2)  # the marker is written; the child is asleep inside the open transaction
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    inside = json.loads(marker.read_text())["rows_inside_transaction"]
    assert inside == before["raw.raw_leaderboards__arena"] + 42  # the 42 T2V rows were in, uncommitted

    assert table_counts(warehouse, skip=()) == before  # reopened: exactly the previous good state
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        live = con.execute("SELECT count(*) FROM raw.snapshots WHERE mode = 'live'").fetchall()
    finally:
        con.close()
    assert live == [(0,)]

    result = run_pipeline(good_warehouse, select=["arena"])  # the next refresh completes on the same file
    assert result.success
    after = table_counts(warehouse)
    assert after["raw.raw_leaderboards__arena"] == before["raw.raw_leaderboards__arena"] == 3692
    assert after["marts.fct_leaderboard_entries"] == before["marts.fct_leaderboard_entries"]
