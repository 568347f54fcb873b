"""Parse snapshots that are not loaded yet and load them into their raw table.

Unchanged snapshots are recognised by their sha256 and never parsed again. All new rows of one
source land in one transaction together with their snapshot records: a crash leaves the last
good state, and a parse error leaves the table as it was and names the snapshot. A refused
snapshot is recorded in raw.snapshot_rejects and skipped by later loads (reported once, not forever).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb
import polars as pl

from videorace_scrapers.parsers import ParseError, get_parser
from videorace_scrapers.snapshots import Snapshot, read_snapshot_bytes

from .warehouse import ensure_table, transaction


@dataclass
class LoadReport:
    source: str
    snapshots_seen: int = 0
    snapshots_new: int = 0
    rows_loaded: int = 0
    skipped: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "ok" if self.snapshots_new else "unchanged"


def loaded_hashes(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    """Snapshots already parsed into raw.<table>: its rows' hashes plus the ledger, which also
    remembers snapshots that held no records."""
    rows = con.execute(
        f"""SELECT DISTINCT snapshot_sha256 FROM raw.{table}
            UNION SELECT sha256 FROM raw.snapshot_loads WHERE raw_table = ?""", [table]).fetchall()
    return {r[0] for r in rows}


def rejected_hashes(con: duckdb.DuckDBPyConnection, source: str) -> set[str]:
    """Snapshots this source's parser refused before (raw.snapshot_rejects): not parsed again."""
    rows = con.execute("SELECT DISTINCT sha256 FROM raw.snapshot_rejects WHERE source = ?", [source]).fetchall()
    return {r[0] for r in rows}


def record_reject(con: duckdb.DuckDBPyConnection, source: str, snap: Snapshot, error: ParseError) -> None:
    con.execute("INSERT INTO raw.snapshot_rejects VALUES (?, ?, ?, ?, ?, ?)",
                [snap.sha256, source, snap.url, snap.path, datetime.now(UTC), str(error)])


def register_snapshots(con: duckdb.DuckDBPyConnection, snapshots: list[Snapshot]) -> None:
    """Upsert snapshot records: a known (source, url, sha256) only moves its last_seen_at."""
    for snap in snapshots:
        con.execute(
            """
            UPDATE raw.snapshots SET last_seen_at = greatest(last_seen_at, CAST(? AS TIMESTAMPTZ))
            WHERE source = ? AND url = ? AND sha256 = ?
            """,
            [snap.fetched_at, snap.source, snap.url, snap.sha256],
        )
        con.execute(
            """
            INSERT INTO raw.snapshots
            SELECT ?, ?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ), ?, ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM raw.snapshots WHERE source = ? AND url = ? AND sha256 = ?)
            """,
            [snap.sha256, snap.source, snap.url, snap.fetched_at, snap.fetched_at, snap.mode, snap.path,
             snap.bytes, snap.label or None, snap.source, snap.url, snap.sha256],
        )


def parse_snapshot(parser_name: str, snap: Snapshot, **options) -> pl.DataFrame:
    parser = get_parser(parser_name)
    records = parser.parse(read_snapshot_bytes(snap), where=f"snapshot {snap.path} (sha256 {snap.sha256[:12]})",
                           **options)
    frame = pl.DataFrame(records, infer_schema_length=None)
    return frame.with_row_index("record_index").with_columns(
        pl.col("record_index").cast(pl.Int32),
        pl.lit(snap.sha256).alias("snapshot_sha256"),
        pl.lit(snap.url).alias("source_url"),
        pl.lit(snap.fetched_at).alias("fetched_at"),
    )


def load_source(con: duckdb.DuckDBPyConnection, parser_name: str, table: str, snapshots: list[Snapshot],
                options_for=lambda snap: {}) -> LoadReport:
    ensure_table(con, "raw", table)
    report = LoadReport(source=parser_name, snapshots_seen=len(snapshots))
    done = loaded_hashes(con, table)
    rejected = rejected_hashes(con, parser_name)
    frames, fresh, errors = [], [], []
    for snap in snapshots:
        if snap.sha256 in done:
            continue
        done.add(snap.sha256)
        if snap.sha256 in rejected:
            report.skipped.append(f"{snap.path}: refused before (raw.snapshot_rejects)")
            continue
        try:
            frame = parse_snapshot(parser_name, snap, **options_for(snap))
        except ParseError as exc:
            # remembered so that one bad response fails this refresh only; nothing of it is loaded
            record_reject(con, parser_name, snap, exc)
            errors.append(exc)
            continue
        if frame.height:
            frames.append(frame)
        fresh.append((snap, frame.height))
    if len(errors) == 1:
        raise errors[0]
    if errors:  # every refused snapshot is named, not only the first
        raise ParseError(parser_name, f"{len(errors)} snapshots", " | ".join(e.reason + f" ({e.where})" for e in errors))
    with transaction(con):
        register_snapshots(con, snapshots)
        loaded_at = datetime.now(UTC)
        for snap, rows in fresh:
            con.execute("INSERT INTO raw.snapshot_loads VALUES (?, ?, ?, ?)", [table, snap.sha256, rows, loaded_at])
        for frame in frames:
            con.register("incoming_rows", frame.to_arrow())
            try:
                con.execute(f"INSERT INTO raw.{table} BY NAME SELECT * FROM incoming_rows")
            finally:
                con.unregister("incoming_rows")
    report.snapshots_new = len(fresh)
    report.rows_loaded = sum(f.height for f in frames)
    return report
