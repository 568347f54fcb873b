"""The snapshot ledger: which snapshots exist (raw.snapshots) and which were refused
(raw.snapshot_rejects). Registering a fetch and recording a refusal are bookkeeping shared by the
loader (pipelines/loading.py) and the curated files (pipelines/curated.py); each writes its batch in
a constant number of statements, whatever the number of snapshots.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import duckdb
import polars as pl

from videorace_scrapers.parsers import ParseError
from videorace_scrapers.snapshots import Snapshot

from .raw_types import parse_timestamp


def rejected_hashes(con: duckdb.DuckDBPyConnection, source: str) -> set[str]:
    """Snapshots this source refused before (raw.snapshot_rejects): not parsed again."""
    rows = con.execute("SELECT DISTINCT sha256 FROM raw.snapshot_rejects WHERE source = ?", [source]).fetchall()
    return {r[0] for r in rows}


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, data) -> Iterator[None]:
    """An Arrow table visible to SQL as `name` for one statement. Unregistering inside an aborted
    transaction fails; that error is dropped so it never masks the real one (issue 11.1)."""
    con.register(name, data)
    try:
        yield
    finally:
        try:
            con.unregister(name)
        except duckdb.Error:  # the original exception, if any, is the one worth reporting
            pass


def as_parse_error(source: str, snap: Snapshot, exc: BaseException) -> ParseError:
    """Any failure while reading, parsing or casting one snapshot, as one line naming both."""
    if isinstance(exc, ParseError):
        return exc
    reason = f"{type(exc).__name__}: {exc}".replace("\n", " ")[:500]
    return ParseError(source, f"snapshot {snap.path} (sha256 {snap.sha256[:12]})", reason)


def record_rejects(con: duckdb.DuckDBPyConnection, source: str, refused: list[tuple[Snapshot, ParseError]]) -> None:
    if not refused:
        return
    now = datetime.now(UTC)
    batch = pl.DataFrame(
        {
            "sha256": [s.sha256 for s, _ in refused],
            "source": [source] * len(refused),
            "url": [s.url for s, _ in refused],
            "path": [s.path for s, _ in refused],
            "rejected_at": [now] * len(refused),
            "reason": [str(e) for _, e in refused],
        },
        schema={
            "sha256": pl.Utf8,
            "source": pl.Utf8,
            "url": pl.Utf8,
            "path": pl.Utf8,
            "rejected_at": pl.Datetime("us", "UTC"),
            "reason": pl.Utf8,
        },
    ).to_arrow()
    with registered(con, "incoming_rejects", batch):
        con.execute("INSERT INTO raw.snapshot_rejects BY NAME SELECT * FROM incoming_rejects")


def register_snapshots(con: duckdb.DuckDBPyConnection, snapshots: list[Snapshot]) -> list[tuple[Snapshot, ParseError]]:
    """Upsert snapshot records in two statements: a known (source, url, sha256) only moves its
    last_seen_at. A snapshot whose fetched_at is not a timestamp is not registered; it is
    recorded as refused (and returned), the others register."""
    good, refused = [], []
    for snap in snapshots:
        try:
            good.append((snap, parse_timestamp(snap.fetched_at)))
        except ValueError as exc:
            refused.append(
                (
                    snap,
                    ParseError(
                        snap.source,
                        f"snapshot {snap.path} (sha256 {snap.sha256[:12]})",
                        f"fetched_at {snap.fetched_at!r} is not an ISO 8601 timestamp ({exc})",
                    ),
                )
            )
    by_source: dict[str, list] = {}
    for snap, error in refused:
        by_source.setdefault(snap.source, []).append((snap, error))
    for source, items in by_source.items():
        known = rejected_hashes(con, source)
        record_rejects(con, source, [(s, e) for s, e in items if s.sha256 not in known])
    if not good:
        return refused
    batch = (
        pl.DataFrame(
            {
                "sha256": [s.sha256 for s, _ in good],
                "source": [s.source for s, _ in good],
                "url": [s.url for s, _ in good],
                "fetched_at": [t for _, t in good],
                "mode": [s.mode for s, _ in good],
                "path": [s.path for s, _ in good],
                "bytes": [s.bytes for s, _ in good],
                "label": [s.label or None for s, _ in good],
            },
            schema={
                "sha256": pl.Utf8,
                "source": pl.Utf8,
                "url": pl.Utf8,
                "fetched_at": pl.Datetime("us", "UTC"),
                "mode": pl.Utf8,
                "path": pl.Utf8,
                "bytes": pl.Int64,
                "label": pl.Utf8,
            },
        )
        .group_by("source", "url", "sha256", maintain_order=True)
        .agg(
            pl.col("fetched_at").min(),
            pl.col("fetched_at").max().alias("last_seen_at"),
            pl.col("mode", "path", "bytes", "label").first(),
        )
        .to_arrow()
    )
    with registered(con, "incoming_snapshots", batch):
        con.execute("""UPDATE raw.snapshots AS s SET last_seen_at = greatest(s.last_seen_at, i.last_seen_at)
                       FROM incoming_snapshots AS i
                       WHERE s.source = i.source AND s.url = i.url AND s.sha256 = i.sha256""")
        con.execute("""INSERT INTO raw.snapshots BY NAME
                       SELECT sha256, source, url, fetched_at, last_seen_at, mode, path, bytes, label
                       FROM incoming_snapshots AS i
                       WHERE NOT EXISTS (SELECT 1 FROM raw.snapshots AS s
                                         WHERE s.source = i.source AND s.url = i.url AND s.sha256 = i.sha256)""")
    return refused
