"""`videorace` as a newcomer meets it: usage errors are one line naming what was wrong and the valid
choices (exit 2, no traceback), options go in any order, every command has a description, and a
refresh ends by saying what it built and where to look."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
from types import SimpleNamespace

import pytest

from pipelines import cli, progress
from pipelines.sources import SOURCES
from tests.support import PROJECT_ROOT, RECORDINGS

CLI = [sys.executable, "-m", "pipelines.cli"]
SOURCE_NAMES = ", ".join(sorted(SOURCES))
FAMILIES = ", ".join(sorted({s.family for s in SOURCES.values()}))
COMMANDS = "refresh, status, parse, record, export"


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    import os

    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120, env={**os.environ, **env}
    )


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ("refresh", "--select", "bogus"),
            f"videorace refresh: argument --select: unknown source or family 'bogus'; sources: {SOURCE_NAMES}; "
            f"families: {FAMILIES}",
        ),
        ((), f"videorace: a COMMAND is required; choose from {COMMANDS}"),
        (("bogus",), f"videorace: unknown command 'bogus'; choose from {COMMANDS}"),
        (("--bogus",), "videorace: unrecognized arguments: --bogus; videorace takes --help, --traceback"),
        (
            ("refresh", "--bogus"),
            "videorace refresh: unrecognized arguments: --bogus; videorace refresh takes --help, --live, --select, "
            "--quiet, --force, --record",
        ),
        (("record", "nosuch"), f"videorace record: argument SOURCE: unknown source 'nosuch'; sources: {SOURCE_NAMES}"),
        (
            ("export", "--format", "xls", "--out", "x"),
            "videorace export: argument --format: invalid choice: 'xls' (choose from 'parquet', 'csv')",
        ),
        (("export",), "videorace export: the following arguments are required: --out"),
        (("parse", "arena"), "videorace parse: FILE is required (a saved arena response body)"),
    ],
)
def test_usage_errors_are_one_line_with_the_choices_and_exit_2(args, stderr):
    result = run(*args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", stderr + "\n")


def test_parse_without_a_source_names_every_parser():
    from videorace_scrapers.parsers import registry

    result = run("parse")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        f"videorace parse: SOURCE and FILE are required; sources: {', '.join(registry())} "
        "(videorace parse --list describes them)\n"
    )


def test_options_in_any_order():
    path = str(RECORDINGS / "stock_csv" / "U.csv")
    outputs = {
        order: run("parse", *args)
        for order, args in {
            "option between": ("stock_csv", "--ticker", "U", path),
            "option last": ("stock_csv", path, "--ticker", "U"),
            "option first": ("--ticker", "U", "stock_csv", path),
        }.items()
    }
    assert {name: r.returncode for name, r in outputs.items()} == dict.fromkeys(outputs, 0)
    assert len({r.stdout for r in outputs.values()}) == 1
    first = json.loads(outputs["option between"].stdout.splitlines()[0])
    assert first == {
        "ticker": "U",
        "date": "2025-01-02",
        "open": 25.18,
        "high": 26.08,
        "low": 23.36,
        "close": 24.51,
        "adj_close": None,
        "volume": 33318800,
        "layout": "yfinance",
    }


def test_an_unexpected_error_is_one_line_and_the_traceback_is_on_request():
    plain = run("status", VIDEORACE_MODE="bogus")
    assert (plain.returncode, plain.stdout) == (1, "")
    assert plain.stderr == (
        "videorace status: ValueError: VIDEORACE_MODE must be 'replay' or 'live', not 'bogus' "
        "(videorace --traceback status ... shows where)\n"
    )
    verbose = run("--traceback", "status", VIDEORACE_MODE="bogus")
    assert verbose.returncode == 1 and verbose.stderr.startswith("Traceback (most recent call last):")


def test_every_command_has_a_summary_and_a_description():
    parser = cli.build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    summaries = {c.dest: c.help for c in commands._choices_actions}
    assert list(summaries) == COMMANDS.split(", ")
    assert all(summaries.values()), summaries
    descriptions = {name: sub.description for name, sub in commands.choices.items()}
    assert all(d and len(d) > 40 for d in descriptions.values()), descriptions
    helptext = run("--help").stdout
    for name, summary in summaries.items():
        assert re.search(rf"^    {name} +{re.escape(summary)}$", helptext, re.M), name
    assert run("status", "--help").stdout.split("\n\n")[1].startswith("Read the warehouse (read-only)")


def test_select_takes_sources_and_families_in_order_once_each(monkeypatch, tmp_path):
    import pipelines.refresh

    seen = {}
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    monkeypatch.setenv("VIDEORACE_MODE", "replay")
    monkeypatch.setattr(
        pipelines.refresh, "run_refresh", lambda select, quiet, force: seen.setdefault("s", select) and 0
    )
    assert cli.main(["refresh", "--select", "pricing", "--select", "arena", "--select", "fal_pricing"]) == 0
    pricing = [s.name for s in SOURCES.values() if s.family == "pricing"]
    assert seen["s"] == [*pricing, "arena"] and "fal_pricing" in pricing


def _record(step: str, event: str | None = None, message: str = "", level: int = logging.INFO) -> logging.LogRecord:
    record = logging.LogRecord("dagster", level, __file__, 1, message, None, None)
    meta = {"step_key": step, "orig_message": message}
    if event:
        meta["dagster_event"] = SimpleNamespace(event_type_value=event)
    record.dagster_meta = meta
    return record


def test_live_only_sources_print_no_warning_and_no_step_line(capsys):
    handler = progress._StepProgress()
    live_only = "ecb: live only — no newer file (no committed recordings; videorace refresh --live --select ecb)"
    for record in [
        _record("snapshots_fx__ecb", message=live_only, level=logging.WARNING),
        _record("snapshots_fx__ecb", "STEP_SUCCESS"),
        _record("snapshots_fx__fred", "STEP_SUCCESS"),
        _record("raw_fx__fred", message="fred: 2 snapshots refused", level=logging.WARNING),
        _record("raw_fx__fred", "STEP_FAILURE"),
    ]:
        handler.emit(record)
    lines = [re.sub(r"^  \[ *\d+\.\ds\] ", "", line) for line in capsys.readouterr().err.splitlines()]
    assert lines == ["  1 snapshots_fx__fred: ok", "warning: fred: 2 snapshots refused", "  2 raw_fx__fred: FAILED"]


def test_a_refresh_ends_with_what_was_built_and_where_to_look(replay_warehouse, monkeypatch, capsys):
    import time

    from pipelines.config import load_settings
    from pipelines.refresh import _report

    monkeypatch.setenv("VIDEORACE_WAREHOUSE", str(replay_warehouse / "videorace.duckdb"))
    monkeypatch.setenv("VIDEORACE_SITE_DIR", str(replay_warehouse / "site"))
    settings = load_settings()
    assert _report(settings, time.monotonic(), failed_steps=[]) == 0
    captured = capsys.readouterr()
    live_only = sorted(s.name for s in SOURCES.values() if not s.has_recordings)
    assert [line for line in captured.err.splitlines() if "live-only" in line] == [
        f"videorace: {len(live_only)} live-only sources have no committed recordings and were skipped in replay: "
        f"{', '.join(live_only)} (videorace refresh --live --select NAME fetches one)"
    ]
    tail = captured.out.splitlines()[-8:]
    assert tail == [
        "",
        "built:",
        f"  warehouse   {replay_warehouse / 'videorace.duckdb'}",
        f"  dashboard   {replay_warehouse / 'site' / 'index.html'}  (open it in a browser; it works offline)",
        "look:",
        "  videorace status   each source's last outcome (STALE when failed or late) and every table's rows",
        "  make dev           the Dagster UI on http://127.0.0.1:3000: the asset graph, checks and runs",
        "  make notebook      JupyterLab on this warehouse (notebooks/)",
    ]


def test_without_a_site_the_ending_says_it_was_not_built(tmp_path):
    settings = SimpleNamespace(warehouse_path=tmp_path / "w.duckdb", site_dir=tmp_path / "nosite")
    lines = progress.where_to_look(settings, failed=True)
    assert lines[1:4] == [
        "built (with failures: the last good data is kept):",
        f"  warehouse   {tmp_path / 'w.duckdb'}",
        "  dashboard   not built (see the failed steps above)",
    ]


def test_a_failed_step_is_reported_with_its_real_error_on_one_line(capsys):
    import dagster as dg

    from pipelines.progress import failure_reason, progress_logger

    @dg.asset
    def int_labs():
        raise RuntimeError('Catalog Error: Existing object "int_labs" is of type View,\ntrying to replace')

    job = dg.define_asset_job("j").resolve(asset_graph=dg.Definitions(assets=[int_labs]).resolve_asset_graph())
    result = job.with_logger_defs({"progress": progress_logger}).execute_in_process(
        raise_on_error=False, run_config={"loggers": {"progress": {}}}
    )
    [failure] = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    reason = 'RuntimeError: Catalog Error: Existing object "int_labs" is of type View, trying to replace'
    assert failure_reason(failure) == reason  # the cause, not Dagster's "Error occurred while executing op"
    assert f"int_labs: FAILED: {reason}" in capsys.readouterr().err
