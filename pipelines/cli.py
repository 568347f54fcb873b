"""`videorace`: refresh the warehouse, show its status, run one parser on one file."""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import NoReturn

from .commands import cmd_export, cmd_parse, cmd_record, cmd_refresh, cmd_status

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
    refresh.add_argument(
        "--record",
        action="store_true",
        help="record the run, its materialisations and checks in DAGSTER_HOME so `make dev` shows them "
        "(slower: Dagster's SQLite event log; the default keeps the run in memory)",
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


def run() -> None:
    """The `videorace` command: `main`, then an exit that skips the interpreter's teardown. After a
    refresh, freeing Dagster's and Polars' objects one by one costs ~0.7 s on this machine and does
    nothing a clean exit needs: every warehouse connection is closed (checkpointed) by then and the
    output is flushed here. In-process callers (the tests) use `main`."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader left (`videorace status | head`): nothing more to say
        pass
    os._exit(code)


if __name__ == "__main__":
    run()
