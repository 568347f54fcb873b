"""Cluster profile: a run the daemon launched (a schedule, the UI) publishes the read-only copy too,
by the rule `videorace refresh` follows: only when the run succeeded and no source failed in it."""

from __future__ import annotations

import dagster as dg
import duckdb

from .config import load_settings
from .publish import publish_after_refresh
from .warehouse import WarehouseUnavailable, open_warehouse


def failed_sources(settings, run_id: str) -> list[str]:
    con = open_warehouse(settings.warehouse_path, read_only=True, wait_s=settings.lock_wait_s)
    try:
        rows = con.execute(
            "SELECT DISTINCT source FROM raw.source_runs WHERE run_id = ? AND status = 'failed' ORDER BY 1", [run_id]
        ).fetchall()
    finally:
        con.close()
    return [row[0] for row in rows]


@dg.run_status_sensor(
    run_status=dg.DagsterRunStatus.SUCCESS,
    name="publish_read_copy_after_refresh",
    description="After a successful refresh run with no failed source: publish warehouse/videorace.read.duckdb",
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=5,
)
def publish_after_scheduled_run(context: dg.RunStatusSensorContext):
    settings = load_settings()
    run_id = context.dagster_run.run_id
    try:
        failed = failed_sources(settings, run_id)
        if failed:
            return dg.SkipReason(f"run {run_id[:8]}: sources failed ({', '.join(failed)}): nothing published")
        line = publish_after_refresh(settings)
    except (OSError, duckdb.Error, WarehouseUnavailable) as exc:
        return dg.SkipReason(f"run {run_id[:8]}: not published: {exc}")
    context.log.info(line or "no read-only copy for this warehouse")
    return dg.SkipReason(line or "no read-only copy for this warehouse")
