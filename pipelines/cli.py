"""`videorace`: refresh the warehouse, show its status, run one parser on one file."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import NoReturn

from .config import PROJECT_ROOT

EPILOG = """examples:
  videorace refresh                    replay the committed recordings (offline, the default)
  videorace refresh --live             fetch every source from the network
  videorace refresh --live --select arena
  videorace refresh --select pricing   one family: every pricing source and what is built from them
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


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr and exit 2: what was wrong and what would be valid (argparse's
    default prints the whole usage block first, which buries the one line that matters)."""

    def error(self, message: str) -> NoReturn:
        if message.startswith("unrecognized arguments"):
            options = [o for a in self._actions for o in a.option_strings if o.startswith("--")]
            message += f"; {self.prog} takes {', '.join(options)}"
        self.exit(2, f"{self.prog}: {message}\n")


def _source_or_family(value: str) -> list[str]:
    """`--select` takes a source (`arena`) or a family (`pricing`: all of its sources)."""
    from .sources import SOURCES

    if value in SOURCES:
        return [value]
    family = [s.name for s in SOURCES.values() if s.family == value]
    if family:
        return family
    families = sorted({s.family for s in SOURCES.values()})
    raise argparse.ArgumentTypeError(
        f"unknown source or family {value!r}; sources: {', '.join(sorted(SOURCES))}; families: {', '.join(families)}"
    )


def _known_source(value: str) -> str:
    from .sources import SOURCES

    if value not in SOURCES:
        raise argparse.ArgumentTypeError(f"unknown source {value!r}; sources: {', '.join(sorted(SOURCES))}")
    return value


def cmd_refresh(args: argparse.Namespace) -> int:
    os.environ["VIDEORACE_MODE"] = "live" if args.live else "replay"
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
    import duckdb

    from .config import load_settings
    from .sources import SOURCES
    from .status import source_status, table_counts

    path = load_settings().warehouse_path
    if not path.exists():
        print(f"videorace: no warehouse at {path}; run `make run` or `videorace refresh` first", file=sys.stderr)
        return 1
    con = duckdb.connect(str(path), read_only=True)
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
        rows.append(
            (
                row["source"],
                row["last_status"] or "-",
                "STALE" if row["stale"] else "",
                f"{row['last_run_at']:%Y-%m-%d %H:%M}" if row["last_run_at"] else "-",
                row["snapshots"] or 0,
                f"{row['newest_snapshot_at']:%Y-%m-%d}" if row["newest_snapshot_at"] else "-",
                (newest_data or "-")[:10],
                (row["message"] or "").removeprefix(f"{row['source']}: ")[:110],
            )
        )
    print("Sources: last refresh outcome (STALE = failed, or older than its cadence)\n")
    print(
        _table(
            rows,
            ("source", "status", "stale", "last run (UTC)", "snapshots", "newest snapshot", "newest data", "message"),
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
    import duckdb

    from .config import load_settings
    from .record import promote

    settings = load_settings()
    if not settings.warehouse_path.exists():
        print(f"videorace record: no warehouse at {settings.warehouse_path}", file=sys.stderr)
        return 1
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        added = promote(con, args.source, settings.recordings_dir, latest_only=not args.all)
    except (LookupError, ValueError) as exc:  # a KeyError's str() would quote its message
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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="videorace",
        description="Track the China vs U.S. AI video-generation race: refresh the DuckDB warehouse from "
        "real sources (replayed recordings by default, live on request), inspect it, parse files.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--traceback", action="store_true", help="show the Python traceback of an unexpected error")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        # `summary` is the line in `videorace --help`; `description` heads `videorace NAME --help`
        return sub.add_parser(name, help=summary, description=description)

    refresh = command(
        "refresh",
        "run the pipeline through Dagster (replay by default)",
        "Fetch (replay the committed recordings, or --live), parse, load, build the marts and the "
        "dashboard, then print rows per table, each source's outcome and where to look.",
    )
    refresh.add_argument("--live", action="store_true", help="fetch from the real sources instead of the recordings")
    refresh.add_argument(
        "--select",
        action="append",
        metavar="SOURCE",
        type=_source_or_family,
        help="refresh only this source or family (and what is built from it); repeatable",
    )
    refresh.add_argument("--quiet", action="store_true", help="print only the summary")
    refresh.add_argument(
        "--force", action="store_true", help="rebuild even when a replay refresh finds its inputs unchanged"
    )
    refresh.set_defaults(func=cmd_refresh)

    status = command(
        "status",
        "rows and newest date per table; last outcome per source",
        "Read the warehouse (read-only) and print each source's last refresh outcome, flagged "
        "STALE when it failed or is older than its cadence, then rows and newest date per table.",
    )
    status.set_defaults(func=cmd_status)

    parse = command(
        "parse",
        "run one source's parser on a file, print JSON Lines",
        "Run SOURCE's parser on FILE and print one JSON object per record. Exits 1 with a "
        "one-line error on input the parser does not understand. Options may come anywhere.",
    )
    parse.add_argument("source", nargs="?", metavar="SOURCE", help="source name (see --list)")
    parse.add_argument("file", nargs="?", metavar="FILE", help="a response body saved to disk")
    parse.add_argument("--list", action="store_true", help="list the sources that have a parser")
    parse.add_argument("--ticker", help="ticker for stock files whose content does not name it")
    parse.add_argument("--repo", help="owner/name for GitHub READMEs and releases")
    parse.set_defaults(func=cmd_parse)

    record = command(
        "record",
        "promote live snapshots of a source into its replay recordings",
        "Copy the newest live snapshot of every URL of SOURCE into scrapers/recordings/SOURCE/ "
        "and list it in manifest.csv.",
    )
    record.add_argument("source", metavar="SOURCE", type=_known_source)
    record.add_argument("--all", action="store_true", help="every live snapshot, not only the newest per URL")
    record.set_defaults(func=cmd_record)

    export = command(
        "export",
        "write every mart to Parquet or CSV with an as_of column",
        "Write every table of the marts and out schemas to DIR/<schema>.<table>.<format>, with an "
        "as_of column (the newest date in the table). The warehouse is opened read-only.",
    )
    export.add_argument("--format", choices=("parquet", "csv"), default="parquet", help="default: parquet")
    export.add_argument("--out", required=True, metavar="DIR", help="folder for the files (created if missing)")
    export.set_defaults(func=cmd_export)
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Options in any order: `parse stock_csv --ticker U FILE` reads like `parse stock_csv FILE --ticker U`.

    argparse cannot parse intermixed arguments through subparsers, so the command's own parser does it."""
    parser = build_parser()
    commands: dict[str, argparse.ArgumentParser] = next(
        a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction)
    )
    traceback = "--traceback" in argv[:1]
    rest = argv[1:] if traceback else argv
    if not rest or rest[0] not in commands:
        if rest and not rest[0].startswith("-"):
            parser.error(f"unknown command {rest[0]!r}; choose from {', '.join(commands)}")
        parser.parse_args(argv)  # --help, or an unknown top-level option
        parser.error(f"a COMMAND is required; choose from {', '.join(commands)}")
    args = commands[rest[0]].parse_intermixed_args(rest[1:])
    args.command, args.traceback = rest[0], traceback
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else list(argv))
    started = time.monotonic()
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print(f"videorace: interrupted after {time.monotonic() - started:.0f}s", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `videorace parse ... | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug or an environment problem: one line, the traceback on request
        if args.traceback:
            raise
        print(
            f"videorace {args.command}: {type(exc).__name__}: {exc} (videorace --traceback {args.command} ... "
            "shows where)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
