"""A full or selected refresh through Dagster, with a short summary at the end."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from .config import load_settings
from .fingerprint import input_fingerprint
from .progress import LIVE_ONLY, print_where_to_look
from .sources import get_source
from .status import source_status, table_counts
from .warehouse import WarehouseUnavailable, ensure_base_tables, open_warehouse, transaction


def _selection(defs, select: list[str]):
    import dagster as dg

    if not select:
        return None
    keys = []
    for name in select:
        source = get_source(name)
        keys += [dg.AssetKey(f"snapshots_{source.family}__{source.name}"), dg.AssetKey(source.raw_table)]
    graph = defs.resolve_asset_graph()
    return sorted(dg.AssetSelection.assets(*keys).downstream().resolve(graph))


def _unchanged_since_last_refresh(settings, fingerprint: str, con: duckdb.DuckDBPyConnection) -> bool:
    """True when the last replay refresh of this warehouse completed with the same inputs and the
    site it built is still there."""
    if not (settings.site_dir / "index.html").exists():
        return False
    try:
        rows = con.execute("""SELECT fingerprint FROM raw.refresh_fingerprints
                              ORDER BY completed_at DESC LIMIT 1""").fetchall()
    except duckdb.CatalogException:
        return False
    return bool(rows) and rows[0][0] == fingerprint


def _remember(settings, fingerprint: str, note_unchanged: bool) -> None:
    """Bookkeeping after a refresh; its failure must not turn a completed refresh into exit 1."""
    try:
        _remember_fingerprint(settings, fingerprint, note_unchanged)
    except (duckdb.Error, WarehouseUnavailable) as exc:
        print(
            f"videorace: refresh completed, but its fingerprint was not recorded (the next replay "
            f"refresh rebuilds instead of skipping): {str(exc).splitlines()[0]}",
            file=sys.stderr,
        )


def _remember_fingerprint(settings, fingerprint: str, note_unchanged: bool) -> None:
    con = open_warehouse(settings.warehouse_path, wait_s=settings.lock_wait_s)
    try:
        ensure_base_tables(con)
        with transaction(con):
            con.execute("INSERT INTO raw.refresh_fingerprints VALUES (?, now(), ?)", [fingerprint, settings.mode])
            if note_unchanged:  # keep freshness honest: every source was checked and is unchanged
                # ... except a failed one: replaying identical inputs is not a fetch, so a live
                # failure or a refused snapshot stays the last outcome (and ages into stale)
                con.execute("""INSERT INTO raw.source_runs
                               SELECT now(), 'unchanged-inputs', source, mode, 'unchanged', snapshots_seen, 0, 0, 0,
                                      'inputs identical to the previous refresh'
                               FROM raw.source_runs
                               QUALIFY row_number() OVER (PARTITION BY source ORDER BY run_started_at DESC) = 1
                                   AND status <> 'failed'""")
    finally:
        con.close()


@contextmanager
def _warehouse_kept_open(settings) -> Iterator[None]:
    """Hold one connection for the whole run, with DuckDBResource's own configuration, so each
    step's `get_connection()` joins the open database instead of loading it again, and closing a
    step's connection does not checkpoint it (~0.1 s per step on this machine)."""
    con = duckdb.connect(str(settings.warehouse_path), config={"custom_user_agent": "dagster"})
    try:
        yield
    finally:
        con.close()


def run_refresh(select: list[str], quiet: bool = False, force: bool = False) -> int:
    settings = load_settings()
    started = time.monotonic()
    print(
        f"videorace: {settings.mode} refresh into {settings.warehouse_path}"
        + (f" (sources: {', '.join(select)})" if select else ""),
        flush=True,
    )
    try:
        # before anything runs: the warehouse opens for writing (a bounded wait for a lock, then the
        # holder is named; a corrupt file fails now, in one line), and the connection is kept for
        # the unchanged path; a first refresh creates the file
        held = (
            open_warehouse(settings.warehouse_path, wait_s=settings.lock_wait_s)
            if settings.warehouse_path.exists()
            else None
        )
    except WarehouseUnavailable as exc:
        print(f"videorace refresh: {exc}", file=sys.stderr)
        return 1
    fingerprint = input_fingerprint(recordings_dir=settings.recordings_dir) if settings.mode == "replay" else None
    if held is not None:
        try:
            if fingerprint and not select and not force and _unchanged_since_last_refresh(settings, fingerprint, held):
                return _nothing_to_do(settings, fingerprint, held, started)
        finally:
            held.close()  # before Dagster's steps open the warehouse with their own configuration
    from .progress import failure_reason

    result_events = _execute(settings, select, quiet)
    failed_steps = [
        f"{e.step_key} ({failure_reason(e) or 'no error message'})"
        for e in result_events
        if e.event_type_value == "STEP_FAILURE"
    ]
    code = _report(settings, started, failed_steps)
    if code == 0 and fingerprint and not select:
        _remember(settings, fingerprint, note_unchanged=False)
    return _publish(settings, code)


def _nothing_to_do(settings, fingerprint: str, con: duckdb.DuckDBPyConnection, started: float) -> int:
    """The unchanged path: no Dagster run. The bookkeeping, the summary and the published copy all
    use `con`'s database (a connect with the same configuration joins it; opening the file again
    costs ~0.1 s each time), so `videorace status` still sees every source checked."""
    print(
        "videorace: inputs unchanged since the last replay refresh (recordings, seeds, SQL and code "
        "hash to the same fingerprint): nothing to fetch, parse or rebuild. Use --force to rebuild."
    )
    _remember(settings, fingerprint, note_unchanged=True)
    return _publish(settings, _report(settings, started, failed_steps=[], con=con))


def _execute(settings, select: list[str], quiet: bool) -> list:
    """The refresh job's events. Default profile: every step in this process. Cluster profile: the
    multiprocess executor, so the job is reconstructed in each step's process and the run goes into
    the instance DAGSTER_HOME names (runs and events on Postgres with deploy/dagster.yaml)."""
    import dagster as dg

    from . import definitions  # builds the code location's `defs` on first import, with these settings
    from .resources import build_resources

    defs = definitions.defs
    if dict(defs.resources or {}) != build_resources(settings):  # imported earlier under other settings
        defs = definitions.build_definitions()
    loggers = {"progress": {}} if not quiet else {"console": {"config": {"log_level": "ERROR"}}}
    if settings.profile == "cluster":
        # every step opens the warehouse in its own process: no connection is held here (DuckDB
        # lets one process at a time open the file), and the run is kept in the Postgres instance
        job = dg.reconstructable(definitions.refresh_job if quiet else definitions.refresh_job_with_progress)
        with dg.execute_job(
            job,
            instance=dg.DagsterInstance.get(),
            asset_selection=_selection(defs, select),
            raise_on_error=False,
            run_config={"loggers": loggers},
        ) as result:
            return list(result.all_events)
    from .progress import progress_logger

    job = defs.resolve_job_def("refresh_all")
    if not quiet:
        job = job.with_logger_defs({"progress": progress_logger})
    # in memory unless --record: Dagster's SQLite event log costs ~20 ms per event (an engine, a
    # connection and a commit each, asset events mirrored into index.db) and a refresh stores ~1,200
    instance = dg.DagsterInstance.get() if settings.record_runs else dg.DagsterInstance.ephemeral()
    with instance, _warehouse_kept_open(settings):
        result = job.execute_in_process(
            instance=instance,
            asset_selection=_selection(defs, select),
            raise_on_error=False,
            run_config={"loggers": loggers},
        )
    return list(result.all_events)


def _publish(settings, code: int) -> int:
    """After a clean refresh only: the read-only copy readers open (pipelines/publish.py). A failed
    refresh publishes nothing, so readers keep the last good state."""
    if code != 0:
        if settings.read_path is not None and settings.read_path.exists():
            print(f"videorace: the read-only copy {settings.read_path} keeps the last good state", file=sys.stderr)
        return code
    from .publish import publish_after_refresh

    try:
        line = publish_after_refresh(settings)
    except (OSError, duckdb.Error, WarehouseUnavailable) as exc:
        print(f"videorace: refresh completed, but the read-only copy was not published: {exc}", file=sys.stderr)
        return 1
    if line:
        print(line)
    return 0


def _report(settings, started: float, failed_steps: list[str], con: duckdb.DuckDBPyConnection | None = None) -> int:
    """The summary and the exit code, on `con` when the caller holds one (it stays open)."""
    elapsed = time.monotonic() - started
    own = con is None
    if con is None:
        try:
            con = duckdb.connect(str(settings.warehouse_path), read_only=True)
        except duckdb.ConnectionException:  # this process still holds a read-write connection to it
            con = duckdb.connect(str(settings.warehouse_path), config={"custom_user_agent": "dagster"})
    try:
        print_summary(con, elapsed)
        sources = source_status(con)
    finally:
        if own:
            con.close()
    failed_sources = sources.filter(sources["last_status"] == "failed")["source"].to_list()
    skipped = sources.filter(sources["last_status"] == "skipped")
    no_recordings = [r["source"] for r in skipped.iter_rows(named=True) if LIVE_ONLY in (r["message"] or "")]
    if no_recordings:
        print(
            f"videorace: {len(no_recordings)} live-only sources have no committed recordings and were skipped "
            f"in replay: {', '.join(no_recordings)} (videorace refresh --live --select NAME fetches one)",
            file=sys.stderr,
        )
    for row in skipped.iter_rows(named=True):
        if row["source"] not in no_recordings:
            print(f"videorace: skipped {row['message']}", file=sys.stderr)
    if failed_steps:
        print(f"videorace: FAILED steps: {'; '.join(failed_steps)}", file=sys.stderr)
    if failed_sources:
        print(
            f"videorace: sources that failed this refresh (last good data kept): {', '.join(failed_sources)}",
            file=sys.stderr,
        )
    print_where_to_look(settings, failed=bool(failed_steps or failed_sources))
    return 1 if failed_steps or failed_sources else 0


def print_summary(con: duckdb.DuckDBPyConnection, elapsed: float) -> None:
    counts = table_counts(con, schemas=("raw", "marts", "out"))
    print("\nrows per table (newest date):")
    for row in counts.iter_rows(named=True):
        print(f"  {row['table']:48} {row['rows']:>8}  {row['newest'] or ''}")
    print("\nsources (last outcome, newest snapshot):")
    for row in source_status(con).iter_rows(named=True):
        newest = row["newest_snapshot_at"].date().isoformat() if row["newest_snapshot_at"] else "-"
        print(f"  {row['source']:32} {row['last_status'] or '-':10} {newest}")
    print(f"\nelapsed: {elapsed:.1f}s")
