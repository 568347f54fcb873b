"""Parse snapshots that are not loaded yet and load them into their raw table.

Unchanged snapshots are recognised by their sha256 and never parsed again. Each new snapshot is
parsed and cast to the raw table's own column types on its own, so anything wrong with one
snapshot (a ParseError, a missing file, a score that overflows INTEGER, a NULL in a NOT NULL
column, an unknown column) refuses that snapshot only: it is recorded in raw.snapshot_rejects
with the real message and skipped by later loads (reported once, not forever). The snapshots that
pass land together in one transaction with a constant number of statements, whatever their count:
one Arrow batch for the rows, one for the ledger, one for the rejects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache

import duckdb
import polars as pl

from videorace_scrapers.parsers import ParseError, get_parser
from videorace_scrapers.snapshots import Snapshot, prefetch_objects, read_snapshot_bytes

from .raw_types import check_columns, conform, misfits, table_schema
from .snapshot_ledger import as_parse_error, record_rejects, registered, rejected_hashes
from .warehouse import ensure_table, transaction

# (snapshot, bytes already fetched or None) -> its bytes, hashed against the recorded sha256
SnapshotReader = Callable[[Snapshot, bytes | None], bytes]


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
            UNION SELECT sha256 FROM raw.snapshot_loads WHERE raw_table = ?""",
        [table],
    ).fetchall()
    return {r[0] for r in rows}


@cache
def _parser(name: str):
    return get_parser(name)  # the registry walks the parser package on every call


def parse_records(
    parser_name: str,
    snap: Snapshot,
    fetched: dict[str, bytes] | None = None,
    *,
    read: SnapshotReader = read_snapshot_bytes,
    **options,
) -> list[dict]:
    """The snapshot's records, each with its provenance (record_index, snapshot_sha256, source_url,
    fetched_at). `read`: where the bytes come from (the snapshot resource's `read_snapshot` in the
    pipeline); `fetched`: bytes already read from object storage (prefetch_objects), still checked."""
    parser = _parser(parser_name)
    records = parser.parse(
        read(snap, (fetched or {}).get(snap.path)),
        where=f"snapshot {snap.path} (sha256 {snap.sha256[:12]})",
        **options,
    )
    provenance = {"snapshot_sha256": snap.sha256, "source_url": snap.url, "fetched_at": snap.fetched_at}
    return [{**record, "record_index": i, **provenance} for i, record in enumerate(records)]


def parse_snapshot(
    parser_name: str,
    snap: Snapshot,
    fetched: dict[str, bytes] | None = None,
    *,
    read: SnapshotReader = read_snapshot_bytes,
    **options,
) -> pl.DataFrame:
    """One snapshot's records as a frame (a fetch step's parse hands these over as Arrow)."""
    return _frame(parse_records(parser_name, snap, fetched, read=read, **options))


def _frame(records: list[dict]) -> pl.DataFrame:
    frame = pl.DataFrame(records, infer_schema_length=None)
    return frame.with_columns(pl.col("record_index").cast(pl.Int32)) if frame.height else frame


def _record_columns(records: list[dict]) -> list[str]:
    """The columns a frame of these records has, in the order it would have them."""
    return list(dict.fromkeys(key for record in records for key in record))


def _frames(parsed: list[tuple[Snapshot, list[dict]]]) -> list[tuple[list[Snapshot], pl.DataFrame]]:
    """Every snapshot's records in ONE frame (one conversion, not one per snapshot: at 3,000
    snapshots that was most of a load); snapshots whose values share no type, one frame each."""
    with_rows = [(snap, records) for snap, records in parsed if records]
    if not with_rows:
        return []
    try:
        return [([snap for snap, _ in with_rows], _frame([r for _, records in with_rows for r in records]))]
    except Exception:  # noqa: BLE001 — e.g. a number in one snapshot where another has an object
        return [([snap], _frame(records)) for snap, records in with_rows]


def pre_parse(
    published: str, parser_name: str, table: str, snapshots: list[Snapshot], options_for, read: SnapshotReader
) -> dict[str, pl.DataFrame]:
    """A fetch step's parse (cluster profile): the frames of the snapshots the published copy has
    not loaded or refused, by sha256. A snapshot that fails here is left to the load step, which
    parses it again and records why it is refused."""
    from .publish import published_state
    from .warehouse import table_exists

    known: set[str] = set()
    with published_state(published) as con:
        if con is not None and table_exists(con, "raw", table) and table_exists(con, "raw", "snapshot_rejects"):
            known = loaded_hashes(con, table) | rejected_hashes(con, parser_name)
    todo = list({s.sha256: s for s in snapshots if s.sha256 not in known}.values())
    fetched = prefetch_objects(todo)
    frames = {}
    for snap in todo:
        try:
            frames[snap.sha256] = parse_snapshot(parser_name, snap, fetched, read=read, **options_for(snap))
        except Exception:  # noqa: BLE001 — the load step parses it again and records the refusal
            continue
    return frames


def _cast_to_table(source: str, frames: list, fresh: list, schema: dict, not_null: set[str], snaps: dict):
    """Every new snapshot's rows in the raw table's types, in one pass per column over the whole
    batch; a snapshot with a value that does not fit is refused and its rows dropped. Frames that
    cannot even be stacked (no common type) are cast one snapshot at a time instead."""
    if not frames:
        return [], fresh, []
    try:
        batch = pl.concat([f for _, f in frames], how="diagonal_relaxed")
    except Exception:  # noqa: BLE001 — fall back to one snapshot at a time, each its own verdict
        good, refused = [], []
        for members, frame in frames:
            for snap in members:
                part = frame if len(members) == 1 else frame.filter(pl.col("snapshot_sha256") == snap.sha256)
                try:
                    good.append(conform(part, schema, not_null))
                except Exception as exc:  # noqa: BLE001
                    refused.append((snap, as_parse_error(source, snap, exc)))
        bad = {s.sha256 for s, _ in refused}
        return good, [(s, n) for s, n in fresh if s.sha256 not in bad], refused
    batch, reasons = misfits(batch, schema, not_null)
    if not reasons:
        return [batch], fresh, []
    refused = [
        (snaps[h], ParseError(source, f"snapshot {snaps[h].path} (sha256 {h[:12]})", f"ValueError: {r}"))
        for h, r in reasons.items()
    ]
    batch = batch.filter(~pl.col("snapshot_sha256").is_in(list(reasons)))
    return [batch], [(s, n) for s, n in fresh if s.sha256 not in reasons], refused


def load_source(
    con: duckdb.DuckDBPyConnection,
    parser_name: str,
    table: str,
    snapshots: list[Snapshot],
    options_for=lambda snap: {},
    read: SnapshotReader = read_snapshot_bytes,
    parsed: dict[str, pl.DataFrame] | None = None,
) -> LoadReport:
    """Load every new snapshot that parses and fits; raise one ParseError naming every snapshot
    refused this time (after the good ones are committed and the refused ones recorded).
    `parsed`: frames a fetch step already parsed (pipelines/fetch_handoff.py), by sha256; any other
    new snapshot is parsed here. Either way the frame is checked and cast here, against this table."""
    parsed = parsed or {}
    ensure_table(con, "raw", table)
    schema, not_null = table_schema(con, "raw", table)
    report = LoadReport(source=parser_name, snapshots_seen=len(snapshots))
    done = loaded_hashes(con, table)
    rejected = rejected_hashes(con, parser_name)
    frames, fresh, refused, todo = [], [], [], []
    for snap in snapshots:
        if snap.sha256 in done:
            continue
        done.add(snap.sha256)
        if snap.sha256 in rejected:
            report.skipped.append(f"{snap.path}: refused before (raw.snapshot_rejects)")
            continue
        todo.append(snap)
    # snapshots in a bucket: read together, not one request at a time
    fetched = prefetch_objects([s for s in todo if s.sha256 not in parsed])
    records_of: list[tuple[Snapshot, list[dict]]] = []
    for snap in todo:
        try:
            frame = parsed.get(snap.sha256)
            if frame is not None:  # a fetch step's parse
                check_columns(frame.columns, frame.height, schema, not_null)
                frames.extend([([snap], frame)] if frame.height else [])
                fresh.append((snap, frame.height))
                continue
            records = parse_records(parser_name, snap, fetched, read=read, **options_for(snap))
            check_columns(_record_columns(records), len(records), schema, not_null)
        except Exception as exc:  # noqa: BLE001 — any failure of one snapshot is that snapshot's failure
            refused.append((snap, as_parse_error(parser_name, snap, exc)))
            continue
        records_of.append((snap, records))
        fresh.append((snap, len(records)))
    frames += _frames(records_of)
    frames, fresh, late = _cast_to_table(parser_name, frames, fresh, schema, not_null, {s.sha256: s for s in todo})
    refused += late
    loaded_at = datetime.now(UTC)
    ledger = pl.DataFrame(
        {
            "raw_table": [table] * len(fresh),
            "sha256": [s.sha256 for s, _ in fresh],
            "rows_loaded": [n for _, n in fresh],
            "loaded_at": [loaded_at] * len(fresh),
        },
        schema={
            "raw_table": pl.Utf8,
            "sha256": pl.Utf8,
            "rows_loaded": pl.Int64,
            "loaded_at": pl.Datetime("us", "UTC"),
        },
    ).to_arrow()
    rows = pl.concat(frames, how="diagonal") if frames else None
    with transaction(con):
        record_rejects(con, parser_name, refused)
        if fresh:
            with registered(con, "incoming_loads", ledger):
                con.execute("INSERT INTO raw.snapshot_loads BY NAME SELECT * FROM incoming_loads")
        if rows is not None:
            with registered(con, "incoming_rows", rows.to_arrow()):
                con.execute(f"INSERT INTO raw.{table} BY NAME SELECT * FROM incoming_rows")
    report.snapshots_new = len(fresh)
    report.rows_loaded = rows.height if rows is not None else 0
    errors = [e for _, e in refused]
    if len(errors) == 1:
        raise errors[0]
    if errors:  # every refused snapshot is named, not only the first
        raise ParseError(
            parser_name, f"{len(errors)} snapshots", " | ".join(e.reason + f" ({e.where})" for e in errors)
        )
    return report
