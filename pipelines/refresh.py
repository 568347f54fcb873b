"""A full or selected refresh through Dagster, with a short summary at the end."""

from __future__ import annotations

import sys
import time

import dagster as dg
import duckdb

from .config import load_settings
from .sources import get_source
from .status import source_status, table_counts


def _selection(defs: dg.Definitions, select: list[str]) -> list[dg.AssetKey] | None:
    if not select:
        return None
    keys = []
    for name in select:
        source = get_source(name)
        keys += [dg.AssetKey(f"snapshots_{source.family}__{source.name}"), dg.AssetKey(source.raw_table)]
    graph = defs.resolve_asset_graph()
    return sorted(dg.AssetSelection.assets(*keys).downstream().resolve(graph))


def run_refresh(select: list[str], quiet: bool = False) -> int:
    from .definitions import build_definitions

    settings = load_settings()
    started = time.monotonic()
    print(f"videorace: {settings.mode} refresh into {settings.warehouse_path}"
          + (f" (sources: {', '.join(select)})" if select else ""), flush=True)
    defs = build_definitions()
    job = defs.resolve_job_def("refresh_all")
    log_level = "WARNING" if quiet else "INFO"
    result = job.execute_in_process(
        instance=dg.DagsterInstance.get(),
        asset_selection=_selection(defs, select),
        raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
    )
    elapsed = time.monotonic() - started
    failed_steps = [e.step_key for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        print_summary(con, elapsed)
        sources = source_status(con)
    finally:
        con.close()
    failed_sources = sources.filter(sources["last_status"] == "failed")["source"].to_list()
    if failed_steps:
        print(f"videorace: FAILED steps: {', '.join(failed_steps)}", file=sys.stderr)
    if failed_sources:
        print(f"videorace: sources that failed this refresh (last good data kept): {', '.join(failed_sources)}",
              file=sys.stderr)
    return 1 if failed_steps or failed_sources else 0


def print_summary(con: duckdb.DuckDBPyConnection, elapsed: float) -> None:
    counts = table_counts(con)
    print("\nrows per table (newest date):")
    for row in counts.filter(~counts["table"].str.starts_with("stg.")).iter_rows(named=True):
        print(f"  {row['table']:48} {row['rows']:>8}  {row['newest'] or ''}")
    print("\nsources (last outcome, newest snapshot):")
    for row in source_status(con).iter_rows(named=True):
        newest = row["newest_snapshot_at"].date().isoformat() if row["newest_snapshot_at"] else "-"
        print(f"  {row['source']:32} {row['last_status'] or '-':10} {newest}")
    print(f"\nelapsed: {elapsed:.1f}s")
