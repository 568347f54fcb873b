"""make test-cluster's checks on the scheduled refresh (deploy/test-cluster.sh, step 5), run as
`python -m tests.cluster.daemon_checks`; DAGSTER_HOME is the Postgres-backed instance.

wait-run JOB TIMEOUT PIDS               the daemon's schedule submits a run of JOB, it is queued, then
                                        started by the queued run coordinator, and succeeds
wait-published READ_DB A.json TIMEOUT PIDS  the publish sensor swaps in a copy whose state differs from A

PIDS: the daemon's and the code server's process ids, comma-separated: a check fails at once when one
of them has died instead of waiting for its timeout.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb

from tests.cluster.warehouse_state import PROBES, probe

POLL_S = 2.0


def _alive(pids: str) -> None:
    for pid in filter(None, pids.split(",")):
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            raise SystemExit(f"process {pid} (daemon or code server) has exited: see its log") from None


def wait_run(job: str, timeout_s: float, pids: str) -> str:
    instance = dg.DagsterInstance.get()
    deadline = time.monotonic() + timeout_s
    seen: list[str] = []
    while time.monotonic() < deadline:
        _alive(pids)
        runs = instance.get_runs(filters=dg.RunsFilter(job_name=job))
        if len(runs) > 1:
            raise SystemExit(f"{len(runs)} runs of {job}: the schedule should have asked for one")
        if runs:
            run = runs[0]
            if not seen or seen[-1] != run.status.value:
                seen.append(run.status.value)
            if run.is_finished:
                break
        time.sleep(POLL_S)
    else:
        raise SystemExit(f"no finished run of {job} within {timeout_s:.0f}s (statuses seen: {seen or 'none'})")
    schedule = run.tags.get("dagster/schedule_name")
    records = instance.get_records_for_run(run.run_id, of_type=dg.DagsterEventType.RUN_ENQUEUED).records
    if run.status != dg.DagsterRunStatus.SUCCESS or not schedule or not records:
        raise SystemExit(
            f"run {run.run_id[:8]} of {job}: {run.status.value}, schedule {schedule!r}, "
            f"{len(records)} RUN_ENQUEUED events (statuses seen: {seen})"
        )
    stats = instance.get_run_stats(run.run_id)
    took = (stats.end_time or 0) - (stats.launch_time or stats.start_time or 0)
    return (
        f"daemon: schedule {schedule} submitted run {run.run_id[:8]}, queued then launched by the "
        f"QueuedRunCoordinator; {stats.steps_succeeded} steps succeeded in {took:.0f}s"
    )


def wait_published(read_db: str, before_file: str, timeout_s: float, pids: str) -> str:
    before = {t: json.loads(Path(before_file).read_text())[t] for t in PROBES}
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        _alive(pids)
        con = duckdb.connect(read_db, read_only=True)
        try:
            state = probe(con)
        finally:
            con.close()
        if state != before:
            return f"sensor: the read-only copy was republished {time.monotonic() - started:.0f}s after the run ended"
        time.sleep(POLL_S)
    raise SystemExit(f"the publish sensor did not republish {read_db} within {timeout_s:.0f}s")


def main(argv: list[str]) -> None:
    command, *args = argv
    if command == "wait-run":
        print(wait_run(args[0], float(args[1]), args[2]))
    elif command == "wait-published":
        print(wait_published(args[0], args[1], float(args[2]), args[3]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
