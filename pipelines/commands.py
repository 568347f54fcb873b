"""What each `videorace` command does; `pipelines/cli.py` parses the command line and calls these."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .config import PROJECT_ROOT


def _ensure_dagster_home() -> Path:
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT / ".dagster_home")))
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    return home


def cmd_refresh(args: argparse.Namespace) -> int:
    os.environ["VIDEORACE_MODE"] = "live" if args.live else "replay"
    if getattr(args, "record", False):
        os.environ["VIDEORACE_RECORD_RUNS"] = "1"
    _ensure_dagster_home()
    from .refresh import run_refresh

    select = list(dict.fromkeys(name for names in args.select or [] for name in names))  # in order, once each
    return run_refresh(select=select, quiet=args.quiet, force=args.force)


def _table(rows: list[tuple], header: tuple[str, ...]) -> str:
    """A plain aligned text table (the last column may run long)."""
    cells = [tuple("" if v is None else str(v) for v in row) for row in [header, *rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header) - 1)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r[:-1], widths, strict=False)) + "  " + r[-1] for r in cells]
    return "\n".join([lines[0], "-" * min(120, len(lines[0])), *lines[1:]])


def cmd_status(args: argparse.Namespace) -> int:
    from .config import load_settings
    from .status import source_status, table_counts
    from .warehouse import WarehouseUnavailable, open_for_status

    try:
        con = open_for_status(load_settings())
    except WarehouseUnavailable as exc:
        print(f"videorace status: {exc}", file=sys.stderr)
        return 1
    try:
        tables = table_counts(con)
        sources = source_status(con)
    finally:
        con.close()
    rows = []
    for row in sources.iter_rows(named=True):
        through = row["data_through"]
        rows.append(
            (
                row["source"],
                row["last_status"] or "-",
                "STALE" if row["stale"] else "",
                f"{row['last_run_at']:%Y-%m-%d %H:%M}" if row["last_run_at"] else "-",
                row["snapshots"] or 0,
                f"{row['newest_snapshot_at']:%Y-%m-%d}" if row["newest_snapshot_at"] else "-",
                through.isoformat() if through else "-",
                (row["message"] or "").removeprefix(f"{row['source']}: ")[:110],
            )
        )
    print(
        "Sources: last refresh outcome and the date the data runs to (STALE = failed, or data older than its cadence)\n"
    )
    print(
        _table(
            rows,
            ("source", "status", "stale", "last run (UTC)", "snapshots", "newest snapshot", "data through", "message"),
        )
    )
    table_rows = [(r["table"], r["rows"], r["newest"] or "") for r in tables.iter_rows(named=True)]
    print("\nTables: rows and newest date\n")
    print(_table(table_rows, ("table", "rows", "newest")))
    return 0


def cmd_parse(args: argparse.Namespace) -> int:
    from videorace_scrapers.parsers import ParseError, registry

    parsers = registry()
    if args.list:
        for name, module in parsers.items():
            print(f"{name:18} {module.DESCRIPTION}")
        return 0
    if not args.source:
        print(
            f"videorace parse: SOURCE and FILE are required; sources: {', '.join(parsers)} "
            "(videorace parse --list describes them)",
            file=sys.stderr,
        )
        return 2
    if args.source not in parsers:
        print(f"videorace parse: unknown source {args.source!r}; sources: {', '.join(parsers)}", file=sys.stderr)
        return 2
    if not args.file:
        print(f"videorace parse: FILE is required (a saved {args.source} response body)", file=sys.stderr)
        return 2
    path = Path(args.file)
    try:
        body = path.read_bytes()
    except OSError as exc:
        print(f"videorace parse: {args.source}: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return 1
    module = parsers[args.source]
    options = {}
    if args.ticker:
        options["ticker"] = args.ticker
    if args.repo:
        options["repo"] = args.repo
    try:
        records = module.parse(body, where=str(path), **options)
    except ParseError as exc:
        print(f"videorace parse: {exc}", file=sys.stderr)
        return 1
    except TypeError as exc:
        print(f"videorace parse: {args.source}: unsupported option ({exc})", file=sys.stderr)
        return 2
    out = sys.stdout
    for record in records:
        out.write(json.dumps({k: record.get(k) for k in module.CLI_FIELDS}, ensure_ascii=False, default=str) + "\n")
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from .config import load_settings
    from .record import RecordError, promote
    from .warehouse import WarehouseUnavailable, open_for_reading

    settings = load_settings()
    try:
        con = open_for_reading(settings)
    except WarehouseUnavailable as exc:
        print(f"videorace record: {exc}", file=sys.stderr)
        return 1
    try:
        added = promote(con, args.source, settings.recordings_dir, latest_only=not args.all)
    except (LookupError, ValueError, RecordError) as exc:  # a KeyError's str() would quote its message
        print(f"videorace record: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    for name in added:
        print(f"recorded {args.source}/{name}")
    print(
        f"{len(added)} new recording(s) for {args.source}; commit scrapers/recordings/{args.source}/ to keep them"
        if added
        else f"{args.source}: recordings already hold these snapshots"
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export_marts

    return export_marts(args.format, Path(args.out))
