"""make test-cluster's check of the one-writer rule on a real run (deploy/test-cluster.sh, step 3),
run as `python -m tests.cluster.run_steps [MIN_PARALLEL_FETCHES]`; DAGSTER_HOME is the
Postgres-backed instance. From the newest successful run of refresh_all, each step's start and end:
no two steps that open the warehouse (all but `fetch_*`) ever ran at once, and fetch steps did run
side by side (at least MIN_PARALLEL_FETCHES at one moment, default 2)."""

from __future__ import annotations

import sys

FETCH_PREFIX = "fetch_"


def most_at_once(intervals: list[tuple[float, float]]) -> int:
    """The largest number of intervals open at one moment (an end at t closes before a start at t)."""
    edges = sorted([(start, 1) for start, _ in intervals] + [(end, -1) for _, end in intervals])
    best = running = 0
    for _, delta in edges:
        running += delta
        best = max(best, running)
    return best


def step_intervals(instance, run_id: str) -> dict[str, tuple[float, float]]:
    import dagster as dg

    starts, ends = {}, {}
    kinds = {dg.DagsterEventType.STEP_START, dg.DagsterEventType.STEP_SUCCESS, dg.DagsterEventType.STEP_FAILURE}
    for record in instance.get_records_for_run(run_id, of_type=kinds, limit=100_000).records:
        entry = record.event_log_entry
        target = starts if entry.dagster_event.event_type == dg.DagsterEventType.STEP_START else ends
        target[entry.step_key] = entry.timestamp
    return {key: (starts[key], ends[key]) for key in starts if key in ends}


def summary(steps: dict[str, tuple[float, float]], min_parallel: int) -> str:
    writers = [span for key, span in steps.items() if not key.startswith(FETCH_PREFIX)]
    fetches = [span for key, span in steps.items() if key.startswith(FETCH_PREFIX)]
    if most_at_once(writers) != 1:
        raise SystemExit(f"steps that open the warehouse overlapped: {most_at_once(writers)} at once")
    if most_at_once(fetches) < min_parallel:
        raise SystemExit(f"fetch steps ran {most_at_once(fetches)} at a time at most, not >= {min_parallel}")
    wall = max(e for _, e in steps.values()) - min(s for s, _ in steps.values())
    return (
        f"run steps: {len(steps)} ({len(fetches)} fetches, up to {most_at_once(fetches)} at once; "
        f"{len(writers)} writers, one at a time); fetch work {sum(e - s for s, e in fetches):.1f}s, "
        f"writer work {sum(e - s for s, e in writers):.1f}s, run {wall:.1f}s"
    )


def main(argv: list[str]) -> None:
    import dagster as dg

    instance = dg.DagsterInstance.get()
    runs = instance.get_runs(
        filters=dg.RunsFilter(job_name="refresh_all", statuses=[dg.DagsterRunStatus.SUCCESS]), limit=1
    )
    if not runs:
        raise SystemExit("run steps: no successful refresh_all run on this instance")
    print(summary(step_intervals(instance, runs[0].run_id), int(argv[0]) if argv else 2))


if __name__ == "__main__":
    main(sys.argv[1:])
