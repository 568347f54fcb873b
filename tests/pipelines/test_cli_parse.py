"""`videorace parse`: JSON Lines with the documented keys; a one-line error on bad input."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support import PROJECT_ROOT, RECORDINGS

CLI = [sys.executable, "-m", "pipelines.cli"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)


def test_parse_arena_prints_one_object_per_entry():
    result = run("parse", "arena", str(RECORDINGS / "arena" / "2026-07-12" / "text-to-video.json"))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 42
    assert list(lines[0]) == ["board", "rank", "model", "vendor", "license", "score", "ci", "votes"]
    assert lines[0] == {
        "board": "text-to-video",
        "rank": 1,
        "model": "gemini-omni-flash",
        "vendor": "Google",
        "license": "proprietary",
        "score": 1527,
        "ci": 13,
        "votes": 5449,
    }
    hunyuan = next(line for line in lines if line["model"] == "hunyuan-video-1.5")
    assert hunyuan["license"] is None


def test_parse_error_is_one_line_naming_file_and_reason(tmp_path):
    bad = tmp_path / "challenge.json"
    bad.write_text("<html><title>Just a moment...</title><body>cf-challenge</body></html>")
    result = run("parse", "arena", str(bad))
    assert result.returncode == 1
    assert result.stdout == ""
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1
    assert str(bad) in err and "challenge" in err and "arena" in err


def test_parse_missing_file_and_unknown_source(tmp_path):
    missing = run("parse", "arena", str(tmp_path / "nope.json"))
    assert missing.returncode == 1 and "cannot read" in missing.stderr
    unknown = run("parse", "nosuchsource", str(tmp_path / "nope.json"))
    assert unknown.returncode == 2 and "unknown source" in unknown.stderr


def test_parse_list_and_help():
    listing = run("parse", "--list")
    names = [line.split()[0] for line in listing.stdout.splitlines()]
    assert listing.returncode == 0 and {"arena", "fred", "stock_csv", "github_readme"} <= set(names)
    helptext = run("--help")
    assert "refresh" in helptext.stdout and "status" in helptext.stdout and "parse" in helptext.stdout


def test_status_shows_each_source_with_its_newest_date(replay_warehouse):
    import os

    env = {**os.environ, "VIDEORACE_WAREHOUSE": str(replay_warehouse / "videorace.duckdb")}
    result = subprocess.run([*CLI, "status"], capture_output=True, text=True, cwd=PROJECT_ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = {line.split()[0]: line.split() for line in result.stdout.splitlines() if line and not line.startswith("-")}
    assert lines["arena"][1] == "ok" and "2026-10-10" in lines["arena"]  # newest snapshot and newest data
    for source, newest in (
        ("aa_arena", "2026-08-01"),
        ("lmarena_dataset", "2026-08-14"),
        ("litellm_pricing", "2026-11-20"),
    ):
        assert lines[source][1] == "ok" and newest in lines[source], lines[source]
    assert lines["fred"][1] == "ok" and "2026-09-25" in lines["fred"]  # the datasets/exchange-rates copy
    assert lines["stock_csv"][1] == "ok" and "2026-10-06" in lines["stock_csv"]  # klevera reaches 2026-10-06
    assert lines["yahoo"][1] == "skipped" and "live only" in " ".join(lines["yahoo"])
    # STALE judges the data's own date: the replay's boards end 2026-10-10, past a daily cadence since
    # 2026-10-13; a source without dated rows (curated files) is judged by its load and is not stale
    assert lines["arena"][2] == "STALE" and lines["aa_arena"][2] == "STALE"
    assert not any(parts[2:3] == ["STALE"] for source, parts in lines.items() if source.startswith("curated_"))
    assert lines["marts.fct_leaderboard_entries"][1:] == ["3692", "2026-10-10"]


def test_status_without_a_warehouse_says_what_to_run(tmp_path):
    import os

    env = {**os.environ, "VIDEORACE_WAREHOUSE": str(tmp_path / "none.duckdb")}
    result = subprocess.run([*CLI, "status"], capture_output=True, text=True, cwd=PROJECT_ROOT, env=env, timeout=120)
    assert result.returncode == 1 and "make run" in result.stderr
