"""`videorace`: refresh the warehouse, show its status, run one parser on one file."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from .config import PROJECT_ROOT

EPILOG = """examples:
  videorace refresh                    replay the committed recordings (offline, the default)
  videorace refresh --live             fetch every source from the network
  videorace refresh --live --select arena
  videorace status                     rows and newest date per table; last outcome per source
  videorace parse arena scrapers/recordings/arena/2026-07-12/text-to-video.json
  videorace parse --list
  videorace record arena               promote the latest live arena snapshots into the recordings
  videorace export --format parquet --out exports/
"""


def _ensure_dagster_home() -> Path:
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT / ".dagster_home")))
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    return home


def cmd_refresh(args: argparse.Namespace) -> int:
    os.environ["VIDEORACE_MODE"] = "live" if args.live else "replay"
    _ensure_dagster_home()
    from .refresh import run_refresh

    return run_refresh(select=args.select or [], quiet=args.quiet, force=args.force)


def _table(rows: list[tuple], header: tuple[str, ...]) -> str:
    """A plain aligned text table (the last column may run long)."""
    cells = [tuple("" if v is None else str(v) for v in row) for row in [header, *rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header) - 1)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r[:-1], widths, strict=False)) + "  " + r[-1] for r in cells]
    return "\n".join([lines[0], "-" * min(120, len(lines[0])), *lines[1:]])


def cmd_status(args: argparse.Namespace) -> int:
    from .config import load_settings
    from .sources import SOURCES
    from .status import source_status, table_counts
    from .warehouse import WarehouseUnavailable, open_for_reading

    try:
        con = open_for_reading(load_settings())
    except WarehouseUnavailable as exc:
        print(f"videorace status: {exc}", file=sys.stderr)
        return 1
    try:
        tables = table_counts(con)
        sources = source_status(con)
    finally:
        con.close()
    newest_in = {row["table"]: row["newest"] for row in tables.iter_rows(named=True)}
    rows = []
    for row in sources.iter_rows(named=True):
        source = SOURCES.get(row["source"])
        newest_data = newest_in.get(f"raw.{source.raw_table}") if source else None
        rows.append((row["source"], row["last_status"] or "-", "STALE" if row["stale"] else "",
                     f"{row['last_run_at']:%Y-%m-%d %H:%M}" if row["last_run_at"] else "-",
                     row["snapshots"] or 0,
                     f"{row['newest_snapshot_at']:%Y-%m-%d}" if row["newest_snapshot_at"] else "-",
                     (newest_data or "-")[:10], (row["message"] or "").removeprefix(f"{row['source']}: ")[:110]))
    print("Sources: last refresh outcome (STALE = failed, or older than its cadence)\n")
    print(_table(rows, ("source", "status", "stale", "last run (UTC)", "snapshots", "newest snapshot",
                        "newest data", "message")))
    table_rows = [(r["table"], r["rows"], r["newest"] or "") for r in tables.iter_rows(named=True)]
    print("\nTables: rows and newest date\n")
    print(_table(table_rows, ("table", "rows", "newest")))
    return 0


def cmd_parse(args: argparse.Namespace) -> int:
    from videorace_scrapers.parsers import ParseError, registry

    parsers = registry()
    if args.list or not args.source:
        for name, module in parsers.items():
            print(f"{name:18} {module.DESCRIPTION}")
        return 0 if args.list else 2
    if args.source not in parsers:
        print(f"videorace parse: unknown source {args.source!r}; known: {', '.join(parsers)}", file=sys.stderr)
        return 2
    if not args.file:
        print("videorace parse: FILE is required", file=sys.stderr)
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
    except (KeyError, LookupError, ValueError, RecordError) as exc:
        print(f"videorace record: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    for name in added:
        print(f"recorded {args.source}/{name}")
    print(f"{len(added)} new recording(s) for {args.source}; commit scrapers/recordings/{args.source}/ to keep them"
          if added else f"{args.source}: recordings already hold these snapshots")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export_marts

    return export_marts(args.format, Path(args.out))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="videorace",
        description="Track the China vs U.S. AI video-generation race: refresh the DuckDB warehouse from "
                    "real sources (replayed recordings by default, live on request), inspect it, parse files.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    refresh = sub.add_parser("refresh", help="run the pipeline through Dagster (replay by default)",
                             description="Fetch (replay or live), parse, load, build marts and the dashboard.")
    refresh.add_argument("--live", action="store_true", help="fetch from the real sources instead of the recordings")
    refresh.add_argument("--select", action="append", metavar="SOURCE",
                         help="refresh only this source (and what is built from it); repeatable")
    refresh.add_argument("--quiet", action="store_true", help="print only the summary")
    refresh.add_argument("--force", action="store_true",
                         help="rebuild even when a replay refresh finds its inputs unchanged")
    refresh.set_defaults(func=cmd_refresh)

    status = sub.add_parser("status", help="rows and newest date per table; last outcome per source")
    status.set_defaults(func=cmd_status)

    parse = sub.add_parser("parse", help="run one source's parser on a file, print JSON Lines",
                           description="Run SOURCE's parser on FILE and print one JSON object per record. "
                                       "Exits 1 with a one-line error on input the parser does not understand.")
    parse.add_argument("source", nargs="?", metavar="SOURCE", help="source name (see --list)")
    parse.add_argument("file", nargs="?", metavar="FILE", help="a response body saved to disk")
    parse.add_argument("--list", action="store_true", help="list the sources that have a parser")
    parse.add_argument("--ticker", help="ticker for stock files whose content does not name it")
    parse.add_argument("--repo", help="owner/name for GitHub READMEs and releases")
    parse.set_defaults(func=cmd_parse)

    record = sub.add_parser("record", help="promote live snapshots of a source into its replay recordings",
                            description="Copy the newest live snapshot of every URL of SOURCE into "
                                        "scrapers/recordings/SOURCE/ and list it in manifest.csv.")
    record.add_argument("source", metavar="SOURCE")
    record.add_argument("--all", action="store_true", help="every live snapshot, not only the newest per URL")
    record.set_defaults(func=cmd_record)

    export = sub.add_parser("export", help="write every mart to Parquet or CSV with an as_of column")
    export.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    export.add_argument("--out", required=True, metavar="DIR")
    export.set_defaults(func=cmd_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    started = time.monotonic()
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print(f"videorace: interrupted after {time.monotonic() - started:.0f}s", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `videorace parse ... | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
