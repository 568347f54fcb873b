"""make test-cluster's checks (deploy/test-cluster.sh runs them as `python -m tests.cluster.warehouse_state`).

counts WAREHOUSE OUT.json          every table's exact row count, as JSON
compare A.json B.json              the same tables with the same row counts, or exit 1 naming them
bucket WAREHOUSE                   every snapshot row points into the bucket and its object is there
instance                           this DAGSTER_HOME keeps runs on Postgres and has a successful run
read-loop PATH OUT.jsonl STOPFILE  a notebook-style reader: open PATH read-only, read, hold, close, repeat
consistent OUT.jsonl A.json B.json every state the reader saw is A or B, never a mix
reads-after OUT.jsonl N TIMEOUT    wait until the reader has logged N reads begun after this command
                                   (after a publish: so the reader has seen the new state)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import duckdb

# what the reader reads each time: tables a refresh rewrites (marts, out) and ones it appends to
# (raw bookkeeping), so a half-published state would show as a mix of the two refreshes' numbers
PROBES = (
    "raw.refresh_fingerprints",
    "raw.source_runs",
    "raw.snapshots",
    "marts.fct_leaderboard_entries",
    "marts.change_refreshes",
    "out.out_quality_leader_daily",
)


def table_counts(path: str) -> dict[str, int]:
    con = duckdb.connect(path, read_only=True)
    try:
        con.execute("SET enable_progress_bar = false")
        tables = con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1, 2"
        ).fetchall()
        views = con.execute(
            """SELECT schema_name, view_name FROM duckdb_views()
               WHERE NOT internal AND database_name = current_database()"""
        ).fetchall()
        return {
            f"{s}.{t}": con.execute(f'SELECT count(*) FROM "{s}"."{t}"').fetchall()[0][0] for s, t in [*tables, *views]
        }
    finally:
        con.close()


def compare(a: dict, b: dict) -> list[str]:
    problems = [f"{t}: only in the first" for t in sorted(a.keys() - b.keys())]
    problems += [f"{t}: only in the second" for t in sorted(b.keys() - a.keys())]
    problems += [f"{t}: {a[t]} rows vs {b[t]}" for t in sorted(a.keys() & b.keys()) if a[t] != b[t]]
    return problems


def bucket_check(path: str) -> str:
    from pipelines.config import load_settings
    from videorace_scrapers.snapshots import SnapshotStore

    store = SnapshotStore(load_settings().snapshot_location)
    con = duckdb.connect(path, read_only=True)
    try:
        rows = con.execute("SELECT path FROM raw.snapshots WHERE mode = 'replay'").fetchall()
    finally:
        con.close()
    paths = {row[0] for row in rows}
    outside = [p for p in paths if not p.startswith(store.url + "/")]
    objects = {f"s3://{key}" for key in store.fs.find(store.url)}
    missing = paths - objects
    if not paths or outside or missing:
        raise SystemExit(f"bucket: {len(paths)} paths, {len(outside)} outside {store.url}, {len(missing)} missing")
    return f"bucket: all {len(paths)} replayed snapshots of raw.snapshots are objects under {store.url}"


def instance_check() -> str:
    import dagster as dg

    instance = dg.DagsterInstance.get()
    storage = type(instance.run_storage).__name__
    runs = instance.get_runs(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.SUCCESS]))
    if storage != "PostgresRunStorage" or not runs:
        raise SystemExit(f"instance: run storage {storage}, {len(runs)} successful runs")
    return f"instance: {storage}, {len(runs)} successful run(s), last {runs[0].run_id[:8]} ({runs[0].job_name})"


def probe(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in PROBES}


def read_loop(path: str, out: str, stop: str, hold_s: float = 0.3) -> None:
    """Like a notebook: connect read-only, run its queries over a while, close; again until told."""
    with open(out, "a", encoding="utf-8") as log:
        while not Path(stop).exists():
            started = time.time()
            try:
                con = duckdb.connect(path, read_only=True)
                try:
                    first = probe(con)
                    time.sleep(hold_s)  # an analyst's cell running while the refresh goes on
                    second = probe(con)
                finally:
                    con.close()
                record = {"at": started, "ok": first == second, "state": first}
            except duckdb.Error as exc:
                record = {"at": started, "ok": False, "error": str(exc).splitlines()[0]}
            log.write(json.dumps(record) + "\n")
            log.flush()


def consistent(out: str, a_file: str, b_file: str) -> str:
    a = {t: json.loads(Path(a_file).read_text())[t] for t in PROBES}
    b = {t: json.loads(Path(b_file).read_text())[t] for t in PROBES}
    reads = [json.loads(line) for line in Path(out).read_text().splitlines() if line.strip()]
    bad = [r for r in reads if not r["ok"] or r["state"] not in (a, b)]
    seen_a = sum(r.get("state") == a for r in reads)
    seen_b = sum(r.get("state") == b for r in reads)
    if bad or not seen_a or not seen_b or a == b:
        raise SystemExit(
            f"reader: {len(reads)} reads, {len(bad)} bad (first: {bad[:1]}), {seen_a} saw the first state, "
            f"{seen_b} the second (the states differ: {a != b})"
        )
    return (
        f"reader: {len(reads)} reads during the refresh, {seen_a} saw the state before it, "
        f"{seen_b} the one after, none other"
    )


def reads_after(out: str, n: int, timeout_s: float) -> None:
    since = time.time()
    while time.time() < since + timeout_s:
        lines = Path(out).read_text().splitlines() if Path(out).exists() else []
        if sum(json.loads(line)["at"] >= since for line in lines if line.strip()) >= n:
            return
        time.sleep(0.2)
    raise SystemExit(f"reader: fewer than {n} reads in {timeout_s:.0f}s after the publish: is it stuck?")


def main(argv: list[str]) -> None:
    command, *args = argv
    if command == "counts":
        Path(args[1]).write_text(json.dumps(table_counts(args[0]), indent=1, sort_keys=True))
    elif command == "compare":
        a, b = (json.loads(Path(f).read_text()) for f in args)
        problems = compare(a, b)
        if problems:
            raise SystemExit("warehouses differ:\n  " + "\n  ".join(problems))
        print(f"compare: the same {len(a)} tables and views with the same row counts ({sum(a.values())} rows)")
    elif command == "bucket":
        print(bucket_check(args[0]))
    elif command == "instance":
        print(instance_check())
    elif command == "read-loop":
        read_loop(args[0], args[1], args[2])
    elif command == "reads-after":
        reads_after(args[0], int(args[1]), float(args[2]))
    elif command == "consistent":
        print(consistent(*args))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
