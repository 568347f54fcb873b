"""The bare-script floor, measured in the same bench run on the same files: hash, parse and
Arrow-load every replayed source's recordings into one DuckDB connection, build one mart-like
aggregate and one Plotly page. No Dagster, no per-step bookkeeping: what the work itself costs."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def floor(recordings_dir: Path) -> float:
    started = time.monotonic()
    import duckdb
    import plotly.graph_objects as go
    import polars as pl

    from pipelines.loading import parse_records
    from pipelines.sources import SOURCES
    from videorace_scrapers.snapshots import recorded_snapshots

    with tempfile.TemporaryDirectory(prefix="videorace-floor-") as tmp:
        con = duckdb.connect(str(Path(tmp) / "floor.duckdb"))
        for name, source in SOURCES.items():
            if not source.has_recordings or not (recordings_dir / name / "manifest.csv").exists():
                continue
            records = []  # every snapshot's records in one frame, as the loader does
            for snap in recorded_snapshots(recordings_dir, name):
                options = {"ticker": snap.label} if name == "stock_csv" else {}
                try:
                    records += parse_records(name, snap, **options)
                except Exception:  # noqa: BLE001 — the floor measures work, not parser coverage
                    continue
            if records:
                con.register("batch", pl.DataFrame(records, infer_schema_length=None).to_arrow())
                con.execute(f"CREATE TABLE {name} AS SELECT * FROM batch")
                con.unregister("batch")
        daily = con.sql("""SELECT snapshot_date, board, max(score) AS best FROM arena
                           GROUP BY ALL ORDER BY 1""").to_arrow_table()
        daily = pl.from_arrow(daily)
        page = go.Figure(go.Scatter(x=daily["snapshot_date"].to_list(), y=daily["best"].to_list(), mode="lines"))
        page.write_html(Path(tmp) / "page.html", include_plotlyjs=True)
        con.close()
    return time.monotonic() - started


if __name__ == "__main__":
    print(f"{floor(Path(sys.argv[1])):.3f}")
